"use client";

import type { Asset, Model } from "@/lib/model/schema";
import { ASSET_KINDS, PROTECTION_LEVELS } from "@/lib/model/vocabulary";
import { presetFor } from "./drafts";
import { Select, TextArea, TextField } from "./fields";
import { ItemFormShell, type ItemFormProps } from "./FormShell";
import { IdField } from "./IdField";
import { useDraft } from "./useDraft";

export function AssetForm(props: ItemFormProps & { asset: Asset; onSave(asset: Asset, previousId?: string): void }) {
  const { isNew } = props;
  const { draft, set, setDraft, setName, setId } = useDraft(props.asset, isNew, props.model);
  return (
    <ItemFormShell noun="data asset" form={props} onSave={() => props.onSave(draft, isNew ? undefined : props.asset.id)} deleteWarning={`Delete the asset "${props.asset.name}"? Flows and stores stop listing it.`}>
      <TextField label="Name" required value={draft.name} onChange={(v) => setName(v)} />
      <IdField value={draft.id} onChange={setId} isNew={isNew} />
      <Select
        label="Kind"
        value={draft.kind}
        options={ASSET_KINDS}
        onChange={(kind) => setDraft((d) => ({ ...d, kind, ...(isNew ? presetFor(kind) : {}) }))}
      />
      <div className="grid grid-cols-3 gap-2">
        <Select label="Confidentiality" value={draft.confidentiality} options={PROTECTION_LEVELS} onChange={(v) => set("confidentiality", v)} />
        <Select label="Integrity" value={draft.integrity} options={PROTECTION_LEVELS} onChange={(v) => set("integrity", v)} />
        <Select label="Availability" value={draft.availability} options={PROTECTION_LEVELS} onChange={(v) => set("availability", v)} />
      </div>
      <TextArea label="Description" value={draft.description} onChange={(v) => set("description", v)} />
    </ItemFormShell>
  );
}

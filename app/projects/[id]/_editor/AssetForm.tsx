"use client";

import type { Asset, Model } from "@/lib/model/schema";
import type { ModelIssue } from "@/lib/model/issues";
import { ASSET_KINDS, PROTECTION_LEVELS } from "@/lib/model/vocabulary";
import { presetFor } from "./drafts";
import { Select, TextArea, TextField } from "./fields";
import { FormShell } from "./FormShell";
import { IdField } from "./IdField";
import { useDraft } from "./useDraft";

export function AssetForm(props: {
  model: Model;
  asset: Asset;
  isNew: boolean;
  busy: boolean;
  errors: readonly ModelIssue[];
  onSave(asset: Asset, previousId?: string): void;
  onDelete(): void;
  onCancel(): void;
}) {
  const { isNew } = props;
  const { draft, set, setDraft, setName, setId } = useDraft(props.asset, isNew, props.model);
  return (
    <FormShell
      title={isNew ? "New data asset" : "Edit data asset"}
      busy={props.busy}
      errors={props.errors}
      onCancel={props.onCancel}
      onSave={() => props.onSave(draft, isNew ? undefined : props.asset.id)}
      onDelete={isNew ? undefined : props.onDelete}
      deleteWarning={`Delete the asset "${props.asset.name}"? Flows and stores stop listing it.`}
    >
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
    </FormShell>
  );
}

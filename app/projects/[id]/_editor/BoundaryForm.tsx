"use client";

import { useState } from "react";
import type { Boundary, Model } from "@/lib/model/schema";
import { parentMap } from "@/lib/model/mermaid";
import { BoundarySelect, MultiCheck, TextArea, TextField } from "./fields";
import { ItemFormShell, type ItemFormProps } from "./FormShell";
import { IdField } from "./IdField";
import { useDraft } from "./useDraft";

export function BoundaryForm(props: ItemFormProps & { boundary: Boundary; onSave(boundary: Boundary, parentId: string | null, previousId?: string): void }) {
  const { model, isNew } = props;
  const { draft, set, setName, setId } = useDraft(props.boundary, isNew, model);
  const [parentId, setParentId] = useState<string | null>(parentMap(model).get(props.boundary.id) ?? null);
  const others = model.boundaries.filter((b) => b.id !== props.boundary.id);
  const parents = parentMap(model);
  const members = [...model.elements.map((e) => e.id), ...others.map((b) => b.id)];
  const memberLabel = (id: string) => {
    const name = model.elements.find((e) => e.id === id)?.name ?? `Boundary: ${others.find((b) => b.id === id)?.name ?? id}`;
    const inside = parents.get(id);
    return inside && inside !== props.boundary.id ? `${name} (now in ${model.boundaries.find((b) => b.id === inside)?.name ?? inside})` : name;
  };

  return (
    <ItemFormShell noun="trust boundary" form={props} onSave={() => props.onSave(draft, parentId, isNew ? undefined : props.boundary.id)} deleteWarning={`Delete the trust boundary "${props.boundary.name}"? Its members move to the enclosing boundary.`}>
      <TextField label="Name" required value={draft.name} onChange={(v) => setName(v)} />
      <IdField value={draft.id} onChange={setId} isNew={isNew} />
      <BoundarySelect boundaries={others} value={parentId} onChange={setParentId} />
      <MultiCheck
        label="Contains (an element already in another boundary moves here)"
        options={members}
        optionLabel={memberLabel}
        value={draft.contains}
        onChange={(v) => set("contains", v)}
      />
      <TextArea label="Description" value={draft.description} onChange={(v) => set("description", v)} />
    </ItemFormShell>
  );
}

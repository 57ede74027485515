"use client";

import type { Diagram, Model } from "@/lib/model/schema";
import { MultiCheck, TextArea, TextField } from "./fields";
import { ItemFormShell, type ItemFormProps } from "./FormShell";
import { IdField } from "./IdField";
import { useDraft } from "./useDraft";

export function DiagramForm(props: ItemFormProps & { diagram: Diagram; onSave(diagram: Diagram, previousId?: string): void }) {
  const { model, isNew } = props;
  const { draft, set, setName, setId } = useDraft(props.diagram, isNew, model);
  return (
    <ItemFormShell noun="diagram" form={props} onSave={() => props.onSave(draft, isNew ? undefined : props.diagram.id)} deleteWarning={`Delete the diagram "${props.diagram.name}"? Its elements stay in the model.`}>
      <TextField label="Name" required value={draft.name} onChange={(v) => setName(v)} />
      <IdField value={draft.id} onChange={setId} isNew={isNew} />
      <MultiCheck
        label="Elements shown"
        options={model.elements.map((e) => e.id)}
        optionLabel={(id) => model.elements.find((e) => e.id === id)?.name ?? id}
        value={draft.elements}
        onChange={(v) => set("elements", v)}
      />
      <TextArea label="Description" value={draft.description} onChange={(v) => set("description", v)} />
    </ItemFormShell>
  );
}

"use client";

import type { Diagram, Model } from "@/lib/model/schema";
import type { ModelIssue } from "@/lib/model/issues";
import { MultiCheck, TextArea, TextField } from "./fields";
import { FormShell } from "./FormShell";
import { IdField } from "./IdField";
import { useDraft } from "./useDraft";

export function DiagramForm(props: {
  model: Model;
  diagram: Diagram;
  isNew: boolean;
  busy: boolean;
  errors: readonly ModelIssue[];
  onSave(diagram: Diagram, previousId?: string): void;
  onDelete(): void;
  onCancel(): void;
}) {
  const { model, isNew } = props;
  const { draft, set, setName, setId } = useDraft(props.diagram, isNew, model);
  return (
    <FormShell
      title={isNew ? "New diagram" : "Edit diagram"}
      busy={props.busy}
      errors={props.errors}
      onCancel={props.onCancel}
      onSave={() => props.onSave(draft, isNew ? undefined : props.diagram.id)}
      onDelete={isNew ? undefined : props.onDelete}
      deleteWarning={`Delete the diagram "${props.diagram.name}"? Its elements stay in the model.`}
    >
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
    </FormShell>
  );
}

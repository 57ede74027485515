"use client";

import { useState } from "react";
import type { DataStore, Element, ExternalEntity, Model, Process, ThirdPartySoftware } from "@/lib/model/schema";
import { parentMap } from "@/lib/model/mermaid";
import {
  CLINICAL_FUNCTIONS,
  ENTITY_KINDS,
  PATIENT_REACH,
  PERSON_ROLES,
  TECHNOLOGIES,
  UPDATE_METHODS,
  label,
} from "@/lib/model/vocabulary";
import { BoundarySelect, Checkbox, MultiCheck, Select, TagsField, TextArea, TextField } from "./fields";
import { ItemFormShell, type ItemFormProps } from "./FormShell";
import { IdField } from "./IdField";
import { useDraft } from "./useDraft";

export interface ElementSave {
  element: Element;
  previousId?: string;
  boundaryId: string | null;
}

export function ElementForm(props: ItemFormProps & { element: Element; onSave(save: ElementSave): void }) {
  const { model, isNew } = props;
  const { draft, setDraft, setName, setId } = useDraft(props.element, isNew, model);
  const [boundaryId, setBoundaryId] = useState<string | null>(parentMap(model).get(props.element.id) ?? null);
  const update = (patch: Partial<Element>) => setDraft((d) => ({ ...d, ...patch }) as Element);
  const flowCount = model.flows.filter((f) => f.from === props.element.id || f.to === props.element.id).length;

  return (
    <ItemFormShell noun={label(draft.type).toLowerCase()} form={props} onSave={() => props.onSave({ element: draft, previousId: isNew ? undefined : props.element.id, boundaryId })} deleteWarning={`Delete "${props.element.name}"${flowCount ? ` and its ${flowCount} flow${flowCount === 1 ? "" : "s"}` : ""}? Earlier revisions keep it.`}>
      <TextField label="Name" required value={draft.name} onChange={(v) => setName(v)} />
      <IdField value={draft.id} onChange={setId} isNew={isNew} />
      <BoundarySelect boundaries={model.boundaries} value={boundaryId} onChange={setBoundaryId} />
      {draft.type === "external-entity" && <EntityFields value={draft} onChange={update} />}
      {draft.type === "process" && <ProcessFields value={draft} onChange={update} />}
      {draft.type === "data-store" && <StoreFields value={draft} model={model} onChange={update} />}
      <TextArea label="Description" value={draft.description} onChange={(description) => update({ description })} />
      <TagsField value={draft.tags} onChange={(tags) => update({ tags })} />
    </ItemFormShell>
  );
}

function EntityFields({ value, onChange }: { value: ExternalEntity; onChange(p: Partial<ExternalEntity>): void }) {
  return (
    <>
      <Select label="Kind" value={value.kind} options={ENTITY_KINDS} onChange={(kind) => onChange({ kind, role: kind === "person" ? (value.role ?? "patient") : undefined })} />
      {value.kind === "person" && <Select label="Role" value={value.role ?? "other"} options={PERSON_ROLES} onChange={(role) => onChange({ role })} />}
      <Select label="Patient reach" value={value.patientReach} options={PATIENT_REACH} onChange={(patientReach) => onChange({ patientReach })} />
    </>
  );
}

type RuntimeFields = Pick<Process, "technology" | "clinicalFunctions" | "patientReach">;

function CommonRuntimeFields({ value, onChange }: { value: RuntimeFields; onChange(p: Partial<RuntimeFields>): void }) {
  return (
    <>
      <Select label="Technology" value={value.technology} options={TECHNOLOGIES} onChange={(technology) => onChange({ technology })} />
      <MultiCheck label="Clinical functions" options={CLINICAL_FUNCTIONS} value={value.clinicalFunctions} onChange={(clinicalFunctions) => onChange({ clinicalFunctions })} />
      <Select label="Patient reach" value={value.patientReach} options={PATIENT_REACH} onChange={(patientReach) => onChange({ patientReach })} />
    </>
  );
}

function ProcessFields({ value, onChange }: { value: Process; onChange(p: Partial<Process>): void }) {
  return (
    <>
      <CommonRuntimeFields value={value} onChange={onChange} />
      <fieldset className="grid grid-cols-2 gap-1">
        <legend className="field-label">Properties</legend>
        <Checkbox label="Parses untrusted input" checked={value.parsesUntrustedInput} onChange={(parsesUntrustedInput) => onChange({ parsesUntrustedInput })} />
        <Checkbox label="Runs privileged" checked={value.runsPrivileged} onChange={(runsPrivileged) => onChange({ runsPrivileged })} />
        <Checkbox label="Keeps an audit log" checked={value.auditLog} onChange={(auditLog) => onChange({ auditLog })} />
        <Checkbox label="Battery powered" checked={value.batteryPowered} onChange={(batteryPowered) => onChange({ batteryPowered })} />
        <Checkbox label="Holds secrets" checked={value.holdsSecrets} onChange={(holdsSecrets) => onChange({ holdsSecrets })} />
        <Checkbox label="Encrypted at rest" checked={value.encryptedAtRest} onChange={(encryptedAtRest) => onChange({ encryptedAtRest })} />
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="field-label">Updates</legend>
        <Select label="Update method" value={value.update.method} options={UPDATE_METHODS} onChange={(method) => onChange({ update: { ...value.update, method } })} />
        {value.update.method !== "none" && (
          <div className="grid grid-cols-2 gap-1">
            <Checkbox label="Code-signed updates" checked={value.update.codeSigned} onChange={(codeSigned) => onChange({ update: { ...value.update, codeSigned } })} />
            <Checkbox label="Rollback protection" checked={value.update.rollbackProtection} onChange={(rollbackProtection) => onChange({ update: { ...value.update, rollbackProtection } })} />
          </div>
        )}
      </fieldset>
      <SoftwareList value={value.thirdPartySoftware} onChange={(thirdPartySoftware) => onChange({ thirdPartySoftware })} />
    </>
  );
}

function StoreFields({ value, model, onChange }: { value: DataStore; model: Model; onChange(p: Partial<DataStore>): void }) {
  return (
    <>
      <CommonRuntimeFields value={value} onChange={onChange} />
      <MultiCheck
        label="Assets stored"
        options={model.assets.map((a) => a.id)}
        optionLabel={(id) => model.assets.find((a) => a.id === id)?.name ?? id}
        value={value.assets}
        onChange={(assets) => onChange({ assets })}
        empty="No assets yet: add them under Assets."
      />
      <div className="grid grid-cols-2 gap-1">
        <Checkbox label="Holds secrets" checked={value.holdsSecrets} onChange={(holdsSecrets) => onChange({ holdsSecrets })} />
        <Checkbox label="Encrypted at rest" checked={value.encryptedAtRest} onChange={(encryptedAtRest) => onChange({ encryptedAtRest })} />
      </div>
      <SoftwareList value={value.thirdPartySoftware} onChange={(thirdPartySoftware) => onChange({ thirdPartySoftware })} />
    </>
  );
}

function SoftwareList({ value, onChange }: { value: ThirdPartySoftware[]; onChange(v: ThirdPartySoftware[]): void }) {
  const change = (i: number, patch: Partial<ThirdPartySoftware>) => onChange(value.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <fieldset className="space-y-1">
      <legend className="field-label">Third-party / off-the-shelf software</legend>
      {value.map((s, i) => (
        <div key={i} className="flex gap-1">
          <input aria-label="Software name" className="input" placeholder="Name" value={s.name} onChange={(e) => change(i, { name: e.target.value })} />
          <input aria-label="Software version" className="input w-24" placeholder="Version" value={s.version} onChange={(e) => change(i, { version: e.target.value })} />
          <input aria-label="Software supplier" className="input" placeholder="Supplier" value={s.supplier} onChange={(e) => change(i, { supplier: e.target.value })} />
          <button type="button" className="btn" aria-label={`Remove ${s.name || "software"}`} onClick={() => onChange(value.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="btn" onClick={() => onChange([...value, { name: "", version: "", supplier: "" }])}>
        Add software
      </button>
    </fieldset>
  );
}

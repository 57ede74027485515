"use client";

import { useState } from "react";
import type { Assumption, Model, Project } from "@/lib/model/schema";
import { DEVICE_KINDS, ENVIRONMENTS, REGULATIONS } from "@/lib/model/vocabulary";
import { ConflictBanner, SavedNotice } from "../_editor/ConflictBanner";
import { LinesField, MultiCheck, Select, TextArea, TextField } from "../_editor/fields";
import { FormShell } from "../_editor/FormShell";
import { uniqueId } from "../_editor/drafts";
import { useModelSaver } from "../_editor/useModelSaver";
import { useUnsavedChangesWarning } from "../_editor/useUnsavedChanges";

export function ProjectDetailsForm({ projectId, initialModel, initialRevision, canRename }: { projectId: string; initialModel: Model; initialRevision: number; canRename: boolean }) {
  const saver = useModelSaver(projectId, initialModel, initialRevision);
  const [draft, setDraft] = useState<Project>(initialModel.project);
  useUnsavedChangesWarning(JSON.stringify(draft) !== JSON.stringify(saver.model.project));
  const set = <K extends keyof Project>(key: K, value: Project[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setAssumption = (i: number, patch: Partial<Assumption>) => set("assumptions", draft.assumptions.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const addAssumption = () => {
    const taken = { ...saver.model, project: draft };
    set("assumptions", [...draft.assumptions, { id: uniqueId(taken, `asm-${draft.assumptions.length + 1}`), text: "" }]);
  };

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="card">
        <FormShell
          title="Project details"
          busy={saver.busy}
          errors={saver.errors}
          onSave={() => void saver.submit({ op: "update-project", project: draft })}
          onCancel={() => setDraft(saver.model.project)}
        >
          <TextField
            label="Project name"
            required
            value={draft.name}
            onChange={(v) => set("name", v)}
            disabled={!canRename}
            hint={canRename ? undefined : "Only the project's owners rename it."}
          />
          <div className="grid grid-cols-3 gap-2">
            <div className="col-span-2">
              <TextField label="Device name" required value={draft.device.name} onChange={(v) => set("device", { ...draft.device, name: v })} />
            </div>
            <TextField label="Device version" value={draft.device.version} onChange={(v) => set("device", { ...draft.device, version: v })} />
          </div>
          <TextArea label="Intended purpose" rows={5} value={draft.intendedPurpose} onChange={(v) => set("intendedPurpose", v)} />
          <div className="grid grid-cols-2 gap-2">
            <Select label="Regulation" value={draft.regulation} options={REGULATIONS} optionLabel={(r) => r} onChange={(v) => set("regulation", v)} />
            <Select label="Device kind" value={draft.deviceKind} options={DEVICE_KINDS} onChange={(v) => set("deviceKind", v)} />
          </div>
          <MultiCheck label="Intended environments" options={ENVIRONMENTS} value={draft.environments} onChange={(v) => set("environments", v)} />
          <LinesField label="Intended users" value={draft.intendedUsers} onChange={(v) => set("intendedUsers", v)} hint="One user group per line" />
          <fieldset className="space-y-2">
            <legend className="field-label">Assumptions</legend>
            {draft.assumptions.map((a, i) => (
              <div key={i} className="flex items-start gap-2">
                <input aria-label="Assumption id" className="input w-48 font-mono" value={a.id} onChange={(e) => setAssumption(i, { id: e.target.value.toLowerCase() })} />
                <textarea aria-label={`Assumption ${a.id}`} className="input" rows={2} value={a.text} onChange={(e) => setAssumption(i, { text: e.target.value })} />
                <button type="button" className="btn" aria-label={`Remove assumption ${a.id}`} onClick={() => set("assumptions", draft.assumptions.filter((_, j) => j !== i))}>
                  ×
                </button>
              </div>
            ))}
            <button type="button" className="btn" onClick={addAssumption}>
              Add assumption
            </button>
          </fieldset>
        </FormShell>
      </div>
      <aside className="space-y-3">
        <SavedNotice notice={saver.notice} />
        {saver.conflict && <ConflictBanner message={saver.conflict.message} busy={saver.busy} onResolve={(reapply) => void saver.resolveConflict(reapply)} />}
      </aside>
    </div>
  );
}

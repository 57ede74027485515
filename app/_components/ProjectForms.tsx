"use client";

import { useActionState } from "react";
import { createProjectAction, importProjectAction, type FormState } from "../actions/projects";
import { DEVICE_KINDS, REGULATIONS, label } from "@/lib/model/vocabulary";
import { IssueList } from "./IssueList";

export function NewProjectForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(createProjectAction, {});
  return (
    <form action={action} className="card space-y-3" aria-label="New project">
      <h2>New project</h2>
      <label className="block">
        <span className="field-label">Project name</span>
        <input name="name" required maxLength={200} className="input" placeholder="e.g. Infusion pump 3.0 submission" />
      </label>
      <div className="grid grid-cols-3 gap-2">
        <label className="col-span-2 block">
          <span className="field-label">Device name</span>
          <input name="deviceName" maxLength={200} className="input" placeholder="defaults to the project name" />
        </label>
        <label className="block">
          <span className="field-label">Device version</span>
          <input name="deviceVersion" maxLength={200} className="input" />
        </label>
      </div>
      <div className="grid grid-cols-2 gap-2">
        <label className="block">
          <span className="field-label">Regulation</span>
          <select name="regulation" className="input" defaultValue="MDR">
            {REGULATIONS.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <label className="block">
          <span className="field-label">Device kind</span>
          <select name="deviceKind" className="input" defaultValue="hardware-with-software">
            {DEVICE_KINDS.map((k) => (
              <option key={k} value={k}>
                {label(k)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <IssueList message={state.message} issues={state.errors} />
      <button className="btn btn-primary" disabled={pending}>
        {pending ? "Creating…" : "Create project"}
      </button>
    </form>
  );
}

export function ImportForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(importProjectAction, {});
  return (
    <form action={action} className="card space-y-3" aria-label="Import model file">
      <h2>Import a model file</h2>
      <p className="text-sm text-slate-600">A medthreat model in YAML or JSON (up to 16 MiB) becomes a new project. A file with errors is refused and nothing is stored.</p>
      <input type="file" name="file" accept=".yaml,.yml,.json,application/json,application/yaml" required className="block text-sm" aria-label="Model file" />
      <IssueList message={state.message} issues={state.errors} />
      <button className="btn btn-primary" disabled={pending}>
        {pending ? "Importing…" : "Import"}
      </button>
    </form>
  );
}

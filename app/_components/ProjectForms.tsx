"use client";

import { useActionState, useState } from "react";
import { createProjectAction, importProjectAction, type FormState } from "../actions/projects";
import { MAX_MODEL_BYTES, tooLargeMessage } from "@/lib/model/limits";
import { DEVICE_KINDS, REGULATIONS, label } from "@/lib/model/vocabulary";
import { IssueList } from "./IssueList";

export function NewProjectForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(createProjectAction, {});
  return (
    <form action={action} className="card space-y-3" aria-label="New project">
      <h2>New project</h2>
      <div>
        <label htmlFor="new-project-name" className="field-label">
          Project name
        </label>
        <input id="new-project-name" name="name" required maxLength={200} className="input" placeholder="e.g. Infusion pump 3.0 submission" />
      </div>
      <div className="grid grid-cols-3 gap-2">
        <div className="col-span-2">
          <label htmlFor="new-project-device" className="field-label">
            Device name
          </label>
          <input id="new-project-device" name="deviceName" maxLength={200} className="input" placeholder="defaults to the project name" />
        </div>
        <div>
          <label htmlFor="new-project-version" className="field-label">
            Device version
          </label>
          <input id="new-project-version" name="deviceVersion" maxLength={200} className="input" />
        </div>
      </div>
      <div className="grid grid-cols-2 gap-2">
        <div>
          <label htmlFor="new-project-regulation" className="field-label">
            Regulation
          </label>
          <select id="new-project-regulation" name="regulation" className="input" defaultValue="MDR">
            {REGULATIONS.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="new-project-kind" className="field-label">
            Device kind
          </label>
          <select id="new-project-kind" name="deviceKind" className="input" defaultValue="hardware-with-software">
            {DEVICE_KINDS.map((k) => (
              <option key={k} value={k}>
                {label(k)}
              </option>
            ))}
          </select>
        </div>
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
  const [tooLarge, setTooLarge] = useState<string>();
  /** A file over the limit is refused here, before it is sent; the server checks again. */
  const checkSize = (event: React.FormEvent<HTMLFormElement>) => {
    const file = new FormData(event.currentTarget).get("file");
    const refusal = file instanceof File && file.size > MAX_MODEL_BYTES ? `${file.name}: ${tooLargeMessage(file.size)}` : undefined;
    setTooLarge(refusal);
    if (refusal) event.preventDefault();
  };
  return (
    <form action={action} onSubmit={checkSize} className="card space-y-3" aria-label="Import model file">
      <h2>Import a model file</h2>
      <p className="text-sm text-slate-600">A medthreat model in YAML or JSON (up to 32 MiB) becomes a new project. A file with errors is refused and nothing is stored.</p>
      <input type="file" name="file" accept=".yaml,.yml,.json,application/json,application/yaml" required className="block text-sm" aria-label="Model file" />
      <IssueList message={tooLarge ?? state.message} issues={tooLarge ? [] : state.errors} />
      <button className="btn btn-primary" disabled={pending}>
        {pending ? "Importing…" : "Import"}
      </button>
    </form>
  );
}

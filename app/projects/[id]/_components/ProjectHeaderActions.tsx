"use client";

import { useState, useTransition } from "react";
import { deleteProjectAction, renameProjectAction } from "@/app/actions/projects";

/** Export for everyone who may read; Rename and Delete only for those who may manage the project (owners). */
export function ProjectHeaderActions({ id, name, revision, canManage }: { id: string; name: string; revision: number; canManage: boolean }) {
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState(name);
  const [message, setMessage] = useState<string>();
  const [pending, start] = useTransition();

  const rename = () =>
    start(async () => {
      const result = await renameProjectAction(id, revision, draft);
      if (result.ok) {
        setRenaming(false);
        setMessage(undefined);
      } else setMessage(result.message);
    });

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap gap-2">
        <a className="btn" href={`/api/projects/${id}/export?format=yaml&download=1`}>
          Export YAML
        </a>
        <a className="btn" href={`/api/projects/${id}/export?format=json&download=1`}>
          Export JSON
        </a>
        {canManage && (
          <>
            <button className="btn" onClick={() => setRenaming((r) => !r)}>
              Rename
            </button>
            <button
              className="btn btn-danger"
              disabled={pending}
              onClick={() => {
                if (!confirm(`Move "${name}" to the trash? You can restore it from the project list.`)) return;
                start(async () => {
                  const refused = await deleteProjectAction(id);
                  if (refused) setMessage(refused.message);
                });
              }}
            >
              Delete
            </button>
          </>
        )}
      </div>
      {renaming && (
        <div className="flex items-center gap-2">
          <input aria-label="New project name" className="input w-72" value={draft} onChange={(e) => setDraft(e.target.value)} />
          <button className="btn btn-primary" disabled={pending || !draft.trim()} onClick={rename}>
            Save name
          </button>
        </div>
      )}
      {message && (
        <p role="alert" className="max-w-md text-sm text-red-700">
          {message}
        </p>
      )}
    </div>
  );
}

"use client";

import type { ModelIssue } from "@/lib/model/issues";
import { IssueList } from "@/app/_components/IssueList";

export function FormShell(props: {
  title: string;
  busy: boolean;
  errors: readonly ModelIssue[];
  onSave(): void;
  onCancel(): void;
  onDelete?(): void;
  deleteWarning?: string;
  children: React.ReactNode;
}) {
  return (
    <form
      className="space-y-3"
      aria-label={props.title}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave();
      }}
    >
      <h2>{props.title}</h2>
      {props.children}
      <IssueList issues={props.errors} title={props.errors.length ? "Not saved:" : undefined} />
      <div className="flex flex-wrap gap-2 pt-1">
        <button type="submit" className="btn btn-primary" disabled={props.busy}>
          {props.busy ? "Saving…" : "Save"}
        </button>
        <button type="button" className="btn" onClick={props.onCancel} disabled={props.busy}>
          Close
        </button>
        {props.onDelete && (
          <button
            type="button"
            className="btn btn-danger ml-auto"
            disabled={props.busy}
            onClick={() => {
              if (confirm(props.deleteWarning ?? "Delete this item?")) props.onDelete?.();
            }}
          >
            Delete
          </button>
        )}
      </div>
    </form>
  );
}

"use client";

import type { ModelIssue } from "@/lib/model/issues";
import type { Model } from "@/lib/model/schema";
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

/** What every item form (element, flow, boundary, asset, diagram) gets from the editor. */
export interface ItemFormProps {
  model: Model;
  isNew: boolean;
  busy: boolean;
  errors: readonly ModelIssue[];
  onDelete(): void;
  onCancel(): void;
}

/** FormShell for one model item: "New …"/"Edit …" title, and Delete only for an item that exists. */
export function ItemFormShell(props: { noun: string; form: ItemFormProps; onSave(): void; deleteWarning: string; children: React.ReactNode }) {
  const { form } = props;
  return (
    <FormShell
      title={`${form.isNew ? "New" : "Edit"} ${props.noun}`}
      busy={form.busy}
      errors={form.errors}
      onCancel={form.onCancel}
      onSave={props.onSave}
      onDelete={form.isNew ? undefined : form.onDelete}
      deleteWarning={props.deleteWarning}
    >
      {props.children}
    </FormShell>
  );
}

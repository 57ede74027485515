"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { saveRequirementAction } from "@/app/actions/assessment";
import type { CommentView } from "@/app/_server/comments";
import type { ControlStatus } from "@/lib/risk/assessment";
import type { RequirementState } from "@/lib/trace/matrix";
import { CommentThread } from "../_components/CommentThread";
import { controlHref, projectPath, RequirementStateBadge } from "../trace/labels";

export interface ChecklistRow {
  id: string;
  section: string;
  topic: string;
  paraphrase: string;
  source: string;
  note?: string;
  state: RequirementState;
  /** What is saved now; version 0 when nothing was recorded (applicable by default). */
  stored: { applicable: boolean; justification: string; version: number };
  controls: { id: string; title: string; status: ControlStatus; passingEvidence: number }[];
  citingThreats: number;
  comments: CommentView[];
}

const MIN_JUSTIFICATION = 10;

/** The Annex I checklist: per requirement, its applicability with a justification, and the controls and evidence behind it. */
export function RequirementsChecklist(props: { projectId: string; rows: ChecklistRow[]; canEdit: boolean; canComment: boolean }) {
  return (
    <div className="space-y-3">
      {props.rows.map((row) => (
        <RequirementItem key={row.id} projectId={props.projectId} row={row} canEdit={props.canEdit} canComment={props.canComment} />
      ))}
    </div>
  );
}

function RequirementItem({ projectId, row, canEdit, canComment }: { projectId: string; row: ChecklistRow; canEdit: boolean; canComment: boolean }) {
  const headingId = useId();
  const traceHref = `${projectPath(projectId)}/trace?requirement=${encodeURIComponent(row.id)}`;
  return (
    <section id={row.id} aria-labelledby={headingId} className="card space-y-2 scroll-mt-4 target:ring-2 target:ring-blue-400">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold">
          {row.id} {row.topic}
        </h2>
        <RequirementStateBadge state={row.state} />
      </div>
      <p className="text-sm">{row.paraphrase}</p>
      <p className="text-xs text-slate-500">
        Section {row.section} · {row.source}
        {row.note && <span className="block">{row.note}</span>}
      </p>
      <div className="text-sm">
        <p className="field-label">Supporting controls</p>
        {row.controls.length === 0 ? (
          <p className="text-slate-500">None. Link a control to this requirement on the controls page, or mark it not applicable.</p>
        ) : (
          <ul className="list-disc space-y-0.5 pl-5">
            {row.controls.map((c) => (
              <li key={c.id}>
                <Link href={controlHref(projectId, c.id)}>{c.title}</Link>{" "}
                <span className="text-xs text-slate-500">
                  {c.status} · <span className={c.passingEvidence ? "" : "text-amber-800"}>{c.passingEvidence} passing evidence</span>
                </span>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-1 text-xs text-slate-500">
          {row.citingThreats} current threat{row.citingThreats === 1 ? "" : "s"} cite this requirement. <Link href={traceHref}>Trace it</Link>
        </p>
      </div>
      <ApplicabilityForm projectId={projectId} row={row} canEdit={canEdit} />
      <CommentThread projectId={projectId} targetType="requirement" targetId={row.id} comments={row.comments} canComment={canComment} />
    </section>
  );
}

type Message = { ok: boolean; text: string };

function ApplicabilityForm({ projectId, row, canEdit }: { projectId: string; row: ChecklistRow; canEdit: boolean }) {
  const router = useRouter();
  const ids = { justification: useId(), applicable: useId(), notApplicable: useId() };
  const [applicable, setApplicable] = useState(row.stored.applicable);
  const [justification, setJustification] = useState(row.stored.justification);
  const [version, setVersion] = useState(row.stored.version);
  const [conflict, setConflict] = useState(false);
  const [message, setMessage] = useState<Message>();
  const [busy, setBusy] = useState(false);
  const changed = applicable !== row.stored.applicable || justification.trim() !== row.stored.justification;

  const save = async () => {
    if (!applicable && justification.trim().length < MIN_JUSTIFICATION) {
      setMessage({ ok: false, text: `Say why the requirement does not apply (at least ${MIN_JUSTIFICATION} characters).` });
      return;
    }
    setBusy(true);
    // After a conflict the page has reloaded the stored value: saving again replaces it with this input.
    const base = conflict ? row.stored.version : version;
    const outcome = await saveRequirementAction(projectId, { id: row.id, applicable, justification }, base);
    setBusy(false);
    if (outcome.ok) {
      setVersion(outcome.version);
      setConflict(false);
      setMessage({ ok: true, text: `Saved (version ${outcome.version}).` });
      router.refresh();
      return;
    }
    if (outcome.kind === "conflict") {
      setConflict(true);
      setMessage({ ok: false, text: `Someone else changed ${row.id} since you opened it. Nothing was saved and your input is kept; save again to replace their change with yours.` });
      router.refresh();
      return;
    }
    const details = "errors" in outcome ? outcome.errors.map((e) => e.message).join("; ") : "";
    setMessage({ ok: false, text: `Not saved: ${outcome.message}${details ? ` (${details})` : ""}. Your input is kept.` });
  };

  if (!canEdit)
    return (
      <p className="text-sm">
        <span className="field-label">Applicability</span> {row.stored.applicable ? "Applicable" : "Not applicable"}
        {row.stored.justification && <span className="block text-slate-700">{row.stored.justification}</span>}
      </p>
    );

  return (
    <form
      className="space-y-2 border-t border-slate-100 pt-2"
      aria-label={`Applicability of ${row.id}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="field-label">Applicability</legend>
        <label htmlFor={ids.applicable} className="flex items-center gap-1">
          <input id={ids.applicable} type="radio" name={`applicable-${row.id}`} checked={applicable} onChange={() => setApplicable(true)} />
          Applicable
        </label>
        <label htmlFor={ids.notApplicable} className="flex items-center gap-1">
          <input id={ids.notApplicable} type="radio" name={`applicable-${row.id}`} checked={!applicable} onChange={() => setApplicable(false)} />
          Not applicable
        </label>
      </fieldset>
      <div>
        <label htmlFor={ids.justification} className="field-label">
          {applicable ? "Justification (optional: how it is met where no control shows it)" : "Justification (required: why it does not apply)"}
        </label>
        <textarea
          id={ids.justification}
          className="input"
          rows={2}
          value={justification}
          aria-required={!applicable}
          maxLength={4000}
          onChange={(e) => setJustification(e.target.value)}
        />
      </div>
      {conflict && (row.stored.applicable !== applicable || row.stored.justification !== justification.trim()) && (
        <p className="text-xs text-slate-600" data-testid="stored-value">
          Saved now: {row.stored.applicable ? "applicable" : "not applicable"}
          {row.stored.justification ? `, "${row.stored.justification}"` : ""} (version {row.stored.version}).
        </p>
      )}
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-green-800" : "text-red-700"}`}>
          {message.text}
        </p>
      )}
      <div className="flex items-center gap-3">
        <button className="btn btn-primary" disabled={busy}>
          {busy ? "Saving…" : conflict ? `Save ${row.id} again` : `Save ${row.id}`}
        </button>
        {changed && !busy && <span className="text-xs text-amber-800">Unsaved changes</span>}
      </div>
    </form>
  );
}

"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { addCommentAction, setCommentResolvedAction } from "@/app/actions/comments";
import type { CommentView } from "@/app/_server/comments";
import { COMMENT_MAX_LENGTH, type CommentTargetType } from "@/lib/review/comments";

export interface CommentThreadProps {
  projectId: string;
  targetType: CommentTargetType;
  targetId: string;
  comments: CommentView[];
  canComment: boolean;
}

const when = (iso: string) => iso.slice(0, 16).replace("T", " ");

/** The review comments on one threat, control, requirement, …: read, add, resolve and reopen. */
export function CommentThread(props: CommentThreadProps) {
  const router = useRouter();
  const inputId = useId();
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const open = props.comments.filter((c) => !c.resolvedAt).length;

  const add = async () => {
    setBusy(true);
    setError(undefined);
    const outcome = await addCommentAction(props.projectId, { targetType: props.targetType, targetId: props.targetId, body });
    setBusy(false);
    if (!outcome.ok) return setError("errors" in outcome && outcome.errors.length ? `${outcome.message}: ${outcome.errors.map((e) => e.message).join("; ")}` : outcome.message);
    setBody("");
    router.refresh();
  };

  const resolve = async (c: CommentView, resolved: boolean) => {
    setError(undefined);
    const outcome = await setCommentResolvedAction(props.projectId, c.id, resolved, c.version);
    if (!outcome.ok) setError(outcome.message);
    router.refresh();
  };

  return (
    <section className="space-y-2" aria-label={`Comments on ${props.targetType} ${props.targetId}`}>
      <h3 className="text-sm font-semibold">
        Comments{props.comments.length ? ` (${open} open, ${props.comments.length - open} resolved)` : ""}
      </h3>
      {props.comments.length === 0 && <p className="text-xs text-slate-500">No comments yet.</p>}
      <ul className="space-y-2">
        {props.comments.map((c) => (
          <li key={c.id} className={`rounded border p-2 text-sm ${c.resolvedAt ? "border-slate-100 bg-slate-50 text-slate-500" : "border-amber-200 bg-amber-50"}`}>
            <p className="text-xs text-slate-600">
              <span className="font-medium text-slate-800">{c.authorName}</span> · {when(c.createdAt)} UTC
              {c.resolvedAt && (
                <span>
                  {" "}
                  · resolved by {c.resolvedBy} at {when(c.resolvedAt)} UTC
                </span>
              )}
            </p>
            <p className="whitespace-pre-wrap break-words">{c.body}</p>
            {c.canResolve && (
              <button type="button" className="btn mt-1 text-xs" onClick={() => void resolve(c, !c.resolvedAt)}>
                {c.resolvedAt ? "Reopen" : "Resolve"}
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      {props.canComment ? (
        <form
          className="space-y-1"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <label className="field-label" htmlFor={inputId}>
            Add a comment
          </label>
          <textarea id={inputId} className="input" rows={3} maxLength={COMMENT_MAX_LENGTH} value={body} onChange={(e) => setBody(e.target.value)} />
          <button className="btn" disabled={busy || !body.trim()}>
            {busy ? "Posting…" : "Post comment"}
          </button>
        </form>
      ) : (
        <p className="text-xs text-slate-500">Your role lets you read comments but not add them.</p>
      )}
    </section>
  );
}

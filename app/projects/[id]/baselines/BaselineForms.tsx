"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { createBaselineAction, signOffBaselineAction } from "@/app/actions/baselines";

type Failure = { ok: false; message: string; errors?: { message: string }[] };
const explain = (f: Failure) => (f.errors?.length ? `${f.message}: ${f.errors.map((e) => e.message).join("; ")}` : f.message);

export function CreateBaselineForm({ projectId, revision }: { projectId: string; revision: number }) {
  const router = useRouter();
  const nameId = useId();
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  return (
    <form
      aria-label="New baseline"
      className="flex flex-wrap items-end gap-2"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const outcome = await createBaselineAction(projectId, name);
        setBusy(false);
        if (!outcome.ok) return setMessage({ ok: false, text: explain(outcome) });
        setMessage({ ok: true, text: `Baseline "${outcome.value.name}" created from revision ${outcome.value.revision}.` });
        setName("");
        router.refresh();
      }}
    >
      <div className="min-w-64 flex-1">
        <label className="field-label" htmlFor={nameId}>
          Baseline name
        </label>
        <input id={nameId} className="input" required maxLength={120} placeholder="e.g. Design review 1" value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <button className="btn btn-primary" disabled={busy || !name.trim()}>
        {busy ? "Creating…" : `Create baseline of revision ${revision}`}
      </button>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`w-full text-sm ${message.ok ? "text-green-800" : "text-red-700"}`}>
          {message.text}
        </p>
      )}
    </form>
  );
}

export function SignOffForm({ projectId, baselineId, baselineName, defaultStatement }: { projectId: string; baselineId: string; baselineName: string; defaultStatement: string }) {
  const router = useRouter();
  const statementId = useId();
  const [statement, setStatement] = useState(defaultStatement);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <form
      aria-label={`Sign off ${baselineName}`}
      className="space-y-1"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(undefined);
        const outcome = await signOffBaselineAction(projectId, baselineId, statement);
        setBusy(false);
        if (!outcome.ok) return setError(explain(outcome));
        router.refresh();
      }}
    >
      <label className="field-label" htmlFor={statementId}>
        Sign-off statement
      </label>
      <textarea id={statementId} className="input" rows={2} maxLength={2000} value={statement} onChange={(e) => setStatement(e.target.value)} />
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <button className="btn btn-primary" disabled={busy}>
        {busy ? "Signing…" : "Sign off"}
      </button>
    </form>
  );
}

"use client";

import Link from "next/link";
import { useEffect, useId, useState } from "react";
import { decideThreatAction, threatHistoryAction } from "@/app/actions/threats";
import type { RecordView } from "@/app/_server/threat-views";
import type { Threat } from "@/lib/threats/engine";
import { STATUS_LABELS, THREAT_STATUSES, type ThreatStatus } from "@/lib/threats/decision";
import { STRIDE_NAMES } from "./stride";

const refLink = (id: string) => {
  const [kind, n] = id.split("-");
  return kind === "CAPEC" ? `https://capec.mitre.org/data/definitions/${n}.html` : kind === "CWE" ? `https://cwe.mitre.org/data/definitions/${n}.html` : undefined;
};

type History = Awaited<ReturnType<typeof threatHistoryAction>>;

export function ThreatCard({
  projectId,
  threat,
  record,
  onSaved,
  residual,
}: {
  projectId: string;
  threat: Threat;
  record?: RecordView;
  onSaved?(r: RecordView): void;
  /** Whether the residual risk is acceptable, shown with a link to the risk assessment. */
  residual?: { acceptable: boolean; text: string };
}) {
  const id = useId();
  const [status, setStatus] = useState<ThreatStatus>(record?.status ?? "open");
  const [justification, setJustification] = useState(record?.justification ?? "");
  const [version, setVersion] = useState(record?.version ?? 1);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: "error" | "conflict" | "saved"; text: string }>();
  const [history, setHistory] = useState<History>();
  const dirty = status !== (record?.status ?? "open") || justification !== (record?.justification ?? "");
  useEffect(() => {
    if (record && record.version > version && !dirty) setVersion(record.version);
  }, [record, version, dirty]);

  const save = async (base = version) => {
    setBusy(true);
    setMessage(undefined);
    try {
      const result = await decideThreatAction(projectId, threat.id, base, { status, justification });
      if (result.ok) {
        setVersion(result.record.version);
        onSaved?.(result.record);
        setMessage({ kind: "saved", text: `Saved: ${STATUS_LABELS[result.record.status]}` });
      } else if (result.kind === "conflict" && "current" in result && result.current) {
        setVersion(result.current.version);
        setMessage({ kind: "conflict", text: result.message });
      } else setMessage({ kind: "error", text: result.message });
    } catch (e) {
      setMessage({ kind: "error", text: `not saved: ${(e as Error).message}; your input is kept` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="rounded border border-slate-200 p-3" aria-label={threat.title} data-threat-id={threat.id}>
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 className="font-semibold">{threat.title}</h3>
          <p className="font-mono text-xs text-slate-500">{threat.id}</p>
        </div>
        <div className="flex flex-wrap gap-1 text-xs">
          <span className="rounded bg-slate-100 px-2 py-0.5">{STRIDE_NAMES[threat.stride]}</span>
          {threat.affectsSafety && <span className="rounded bg-red-100 px-2 py-0.5 text-red-800">Patient safety</span>}
          <span className={`rounded px-2 py-0.5 ${(record?.status ?? "open") === "open" ? "bg-amber-100 text-amber-900" : "bg-green-100 text-green-900"}`}>{STATUS_LABELS[record?.status ?? "open"]}</span>
        </div>
      </header>
      <p className="mt-2 text-sm">{threat.description}</p>
      {residual && (
        <p className="mt-1 text-xs">
          <span className={`rounded px-1.5 py-0.5 ${residual.acceptable ? "bg-green-100 text-green-900" : "bg-red-100 text-red-900"}`} data-testid="residual-risk">
            Residual risk {residual.acceptable ? "acceptable" : "unacceptable"}
          </span>{" "}
          {residual.text} <Link href={`/projects/${projectId}/threats/${encodeURIComponent(threat.id)}`}>Assess risk →</Link>
        </p>
      )}
      <div className="mt-2 grid gap-2 text-xs text-slate-700 md:grid-cols-2">
        <div>
          <p className="font-semibold">Why it applies</p>
          <ul className="list-disc pl-4 font-mono">
            {threat.explanation.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
          {threat.affectsSafety && <p className="mt-1">Safety: {threat.safetyWhy}</p>}
        </div>
        <div className="space-y-0.5">
          <p>
            <span className="font-semibold">Annex I:</span> {threat.annexI.join(", ") || "—"}
          </p>
          <p>
            <span className="font-semibold">Capabilities:</span> {threat.capabilities.join(", ") || "—"}
          </p>
          <p>
            <span className="font-semibold">References:</span>{" "}
            {[...threat.capec, ...threat.cwe].map((r, i) => (
              <span key={r}>
                {i > 0 && ", "}
                <a href={refLink(r)} target="_blank" rel="noreferrer">
                  {r}
                </a>
              </span>
            ))}
            {threat.capec.length + threat.cwe.length === 0 && "—"}
          </p>
          <p>
            <span className="font-semibold">Source:</span> {threat.source}
          </p>
        </div>
      </div>
      <form
        className="mt-3 flex flex-wrap items-end gap-2 border-t border-slate-100 pt-2"
        aria-label={`Decision on ${threat.id}`}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div>
          <label htmlFor={`${id}-status`} className="field-label">
            Decision
          </label>
          <select id={`${id}-status`} className="input" value={status} onChange={(e) => setStatus(e.target.value as ThreatStatus)}>
            {THREAT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-64 grow">
          <label htmlFor={`${id}-why`} className="field-label">
            Justification {status !== "open" && "*"}
          </label>
          <textarea id={`${id}-why`} className="input" rows={1} value={justification} onChange={(e) => setJustification(e.target.value)} placeholder={status === "open" ? "optional" : "why, and where the evidence is"} />
        </div>
        <button className="btn btn-primary" disabled={busy || !dirty}>
          {busy ? "Saving…" : "Save decision"}
        </button>
        <button
          type="button"
          className="btn"
          onClick={async () => setHistory(history ? undefined : await threatHistoryAction(projectId, threat.id))}
        >
          {history ? "Hide history" : "History"}
        </button>
      </form>
      {record?.decidedBy && (
        <p className="mt-1 text-xs text-slate-500">
          Decided by {record.decidedBy} at {record.decidedAt?.replace("T", " ").slice(0, 16)} UTC
        </p>
      )}
      {message && (
        <div role={message.kind === "saved" ? "status" : "alert"} className={`mt-2 text-sm ${message.kind === "saved" ? "text-green-800" : message.kind === "conflict" ? "text-amber-900" : "text-red-700"}`}>
          <p>{message.text}</p>
          {message.kind === "conflict" && (
            <button className="btn mt-1" onClick={() => save(version)}>
              Save my decision over it
            </button>
          )}
        </div>
      )}
      {history && (
        <ol className="mt-2 space-y-0.5 text-xs text-slate-600" aria-label="History">
          {history.map((h) => (
            <li key={h.id}>
              {h.at.replace("T", " ").slice(0, 16)} — {h.kind}
              {h.status ? `: ${h.status}` : ""}
              {h.revision ? ` (revision ${h.revision})` : ""} by {h.by}
              {h.justification ? ` — ${h.justification}` : ""}
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}

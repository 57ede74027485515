"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { adoptLibraryControlAction, saveControlAction } from "@/app/actions/assessment";
import { IssueList } from "@/app/_components/IssueList";
import { FDA_CONTROL_CATEGORIES } from "@/lib/catalog/fda-controls";
import type { SecurityControl } from "@/lib/controls";
import type { ModelIssue } from "@/lib/model/issues";
import { CONTROL_STATUSES, CONTROL_TYPES, EVIDENCE_RESULTS, VERIFICATION_METHODS, type Evidence, type ProjectControl } from "@/lib/risk/assessment";
import { Checkbox, MultiCheck, Select, TextArea, TextField } from "../_editor/fields";
import { CAPABILITY_CODES, capabilityByCode, MDR_ANNEX_I, type MdrAnnexIId } from "@/lib/catalog";
import type { CommentView } from "@/app/_server/comments";
import { CommentThread } from "../_components/CommentThread";

interface Entry {
  control: ProjectControl;
  version: number;
}

const blank = (): ProjectControl => ({
  id: "",
  title: "",
  description: "",
  type: "secure-design",
  fdaCategory: "authentication",
  capabilities: [],
  annexI: [],
  transfersToOperator: false,
  ifuText: "",
  status: "proposed",
  evidence: [],
});

/** The project's controls: taken from the library or written by the user, with status and verification evidence. */
export function ControlsView(props: {
  projectId: string;
  controls: Entry[];
  linkedThreats: Record<string, { id: string; title: string; status: string }[]>;
  library: SecurityControl[];
  comments?: { threads: Record<string, CommentView[]>; canComment: boolean };
}) {
  const router = useRouter();
  const [selected, setSelected] = useState<string | "new">();
  const [browsing, setBrowsing] = useState(false);
  const [filter, setFilter] = useState("");
  const [message, setMessage] = useState<string>();
  const adopted = new Set(props.controls.map((c) => c.control.libraryId ?? c.control.id));
  const current = props.controls.find((c) => c.control.id === selected);

  // A link to /controls#<control id> (from the review or the traceability matrix) opens that control.
  const controls = useRef(props.controls);
  useEffect(() => {
    controls.current = props.controls;
  });
  useEffect(() => {
    const openFromHash = () => {
      const hash = window.location.hash.slice(1);
      const id = controls.current.find((c) => c.control.id === hash || encodeURIComponent(c.control.id) === hash)?.control.id;
      if (id) setSelected(id);
    };
    openFromHash();
    window.addEventListener("hashchange", openFromHash);
    return () => window.removeEventListener("hashchange", openFromHash);
  }, []);

  const adopt = async (id: string) => {
    const outcome = await adoptLibraryControlAction(props.projectId, id);
    setMessage(outcome.ok ? `Added ${id}` : outcome.message);
    if (outcome.ok) {
      router.refresh();
      setSelected(id);
    }
  };

  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_30rem]">
      <section className="card space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2>Controls ({props.controls.length})</h2>
          <div className="flex gap-2">
            <button className="btn" onClick={() => setBrowsing((b) => !b)}>
              {browsing ? "Close library" : "Add from library"}
            </button>
            <button className="btn" onClick={() => setSelected("new")}>
              New control
            </button>
          </div>
        </div>
        {message && (
          <p role="status" className="text-sm text-slate-700">
            {message}
          </p>
        )}
        {browsing && (
          <div className="space-y-2 rounded border border-slate-200 p-2" aria-label="Control library">
            <input aria-label="Search the library" className="input" placeholder="Search the library…" value={filter} onChange={(e) => setFilter(e.target.value)} />
            <ul className="max-h-80 divide-y divide-slate-100 overflow-auto text-sm">
              {props.library
                .filter((c) => !filter || `${c.title} ${c.description} ${c.id}`.toLowerCase().includes(filter.toLowerCase()))
                .map((c) => (
                  <li key={c.id} className="flex items-start justify-between gap-2 py-1">
                    <span>
                      <span className="font-medium">{c.title}</span> <span className="text-xs text-slate-500">{c.type.replace(/-/g, " ")} · {c.fdaCategory}</span>
                      <span className="block text-xs text-slate-600">{c.description}</span>
                    </span>
                    <button className="btn shrink-0" disabled={adopted.has(c.id)} onClick={() => adopt(c.id)}>
                      {adopted.has(c.id) ? "Added" : "Add"}
                    </button>
                  </li>
                ))}
            </ul>
          </div>
        )}
        {props.controls.length === 0 ? (
          <p className="text-sm text-slate-500">No controls yet. Add them from the library, from a threat&apos;s suggestions, or write your own.</p>
        ) : (
          <table className="w-full text-left text-sm" aria-label="Project controls">
            <thead className="text-xs text-slate-500">
              <tr>
                <th className="py-1">Control</th>
                <th>Type</th>
                <th>Status</th>
                <th>Evidence</th>
                <th>Threats</th>
                <th>Open comments</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {props.controls.map(({ control: c }) => (
                <tr key={c.id} id={c.id} className={`scroll-mt-4 ${selected === c.id ? "bg-blue-50" : ""}`}>
                  <td className="py-1">
                    <button className="text-left text-blue-700 hover:underline" onClick={() => setSelected(c.id)}>
                      {c.title}
                    </button>
                    {c.transfersToOperator && (
                      <span className={`ml-1 text-xs ${c.ifuText ? "text-slate-500" : "text-red-700"}`}>{c.ifuText ? "transfers to operator" : "transfers to operator, no IFU text"}</span>
                    )}
                  </td>
                  <td className="text-xs">{c.type.replace(/-/g, " ")}</td>
                  <td>{c.status}</td>
                  <td>{c.evidence.length}</td>
                  <td>{props.linkedThreats[c.id]?.length ?? 0}</td>
                  <td>{(props.comments?.threads[c.id] ?? []).filter((x) => !x.resolvedAt).length || ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <aside className="card">
        {selected === "new" && <ControlForm key="new" projectId={props.projectId} entry={{ control: blank(), version: 0 }} linked={[]} onSaved={(id) => setSelected(id)} />}
        {current && <ControlForm key={current.control.id} projectId={props.projectId} entry={current} linked={props.linkedThreats[current.control.id] ?? []} onSaved={() => undefined} />}
        {current && props.comments && (
          <div className="mt-4 border-t border-slate-200 pt-3">
            <CommentThread projectId={props.projectId} targetType="control" targetId={current.control.id} comments={props.comments.threads[current.control.id] ?? []} canComment={props.comments.canComment} />
          </div>
        )}
        {!selected && <p className="text-sm text-slate-500">Choose a control to edit its status and verification evidence.</p>}
      </aside>
    </div>
  );
}

function ControlForm(props: { projectId: string; entry: Entry; linked: { id: string; title: string; status: string }[]; onSaved(id: string): void }) {
  const router = useRouter();
  const isNew = props.entry.version === 0;
  const [draft, setDraft] = useState(props.entry.control);
  const [version, setVersion] = useState(props.entry.version);
  const [errors, setErrors] = useState<ModelIssue[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof ProjectControl>(k: K, v: ProjectControl[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const setEvidence = (i: number, patch: Partial<Evidence>) => set("evidence", draft.evidence.map((e, j) => (j === i ? { ...e, ...patch } : e)));

  const save = async (base = version) => {
    setBusy(true);
    setErrors([]);
    const outcome = await saveControlAction(props.projectId, draft, base);
    setBusy(false);
    if (outcome.ok) {
      setVersion(outcome.version);
      setMessage({ ok: true, text: `Saved (version ${outcome.version}).` });
      props.onSaved(draft.id);
      router.refresh();
    } else {
      if (outcome.kind === "conflict" && outcome.version !== undefined) setVersion(outcome.version);
      setMessage({ ok: false, text: outcome.kind === "conflict" ? `${outcome.message} Save again to replace it with yours.` : outcome.message });
      if ("errors" in outcome) setErrors(outcome.errors);
    }
  };

  return (
    <form
      className="space-y-2"
      aria-label={isNew ? "New control" : `Control ${draft.id}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>{isNew ? "New control" : draft.title}</h2>
      {draft.libraryId && <p className="text-xs text-slate-500">From the library: {draft.libraryId}</p>}
      <TextField label="Title" required value={draft.title} onChange={(v) => set("title", v)} />
      {isNew && <TextField label="Id" required mono value={draft.id} hint="lower-case words joined by hyphens, e.g. ctl-pump-dose-limits" onChange={(v) => set("id", v.toLowerCase())} />}
      <TextArea label="Description" value={draft.description} onChange={(v) => set("description", v)} />
      <div className="grid grid-cols-2 gap-2">
        <Select label="Type (MDCG 2019-16 §3.3)" value={draft.type} options={CONTROL_TYPES} optionLabel={(v) => v.replace(/-/g, " ")} onChange={(v) => set("type", v)} />
        <Select label="FDA category" value={draft.fdaCategory as (typeof FDA_CONTROL_CATEGORIES)[number]} options={FDA_CONTROL_CATEGORIES} optionLabel={(v) => v.replace(/-/g, " ")} onChange={(v) => set("fdaCategory", v)} />
      </div>
      <MultiCheck label="IEC TR 80001-2-2 capabilities it provides" options={CAPABILITY_CODES} optionLabel={(c) => `${c} ${capabilityByCode(c)?.name ?? ""}`} value={draft.capabilities as (typeof CAPABILITY_CODES)[number][]} onChange={(v) => set("capabilities", v)} />
      <MultiCheck label="MDR Annex I requirements it supports" options={MDR_ANNEX_I.map((r) => r.id)} optionLabel={(id) => `${id.replace("MDR-", "")} ${MDR_ANNEX_I.find((r) => r.id === id)?.topic ?? ""}`} value={draft.annexI as MdrAnnexIId[]} onChange={(v) => set("annexI", v)} />
      <Select label="Status" value={draft.status} options={CONTROL_STATUSES} optionLabel={(v) => v} onChange={(v) => set("status", v)} />
      <Checkbox label="Transfers risk to the operator (information for security)" checked={draft.transfersToOperator} onChange={(v) => set("transfersToOperator", v)} />
      {draft.transfersToOperator && <TextArea label="IFU text: what users must do" value={draft.ifuText} onChange={(v) => set("ifuText", v)} />}
      <fieldset className="space-y-2">
        <legend className="field-label">Verification evidence</legend>
        {draft.evidence.map((e, i) => (
          <div key={i} className="grid grid-cols-2 gap-1 rounded border border-slate-100 p-1 text-xs">
            <select aria-label="Method" className="input" value={e.method} onChange={(x) => setEvidence(i, { method: x.target.value as Evidence["method"] })}>
              {VERIFICATION_METHODS.map((m) => (
                <option key={m} value={m}>
                  {m.replace(/-/g, " ")}
                </option>
              ))}
            </select>
            <select aria-label="Result" className="input" value={e.result} onChange={(x) => setEvidence(i, { result: x.target.value as Evidence["result"] })}>
              {EVIDENCE_RESULTS.map((r) => (
                <option key={r} value={r}>
                  {r.replace(/-/g, " ")}
                </option>
              ))}
            </select>
            <input aria-label="Reference" className="input" placeholder="Report or ticket" value={e.reference} onChange={(x) => setEvidence(i, { reference: x.target.value })} />
            <input aria-label="Date" type="date" className="input" value={e.date} onChange={(x) => setEvidence(i, { date: x.target.value })} />
            <input aria-label="Notes" className="input col-span-2" placeholder="Notes" value={e.notes} onChange={(x) => setEvidence(i, { notes: x.target.value })} />
            <button type="button" className="btn col-span-2" onClick={() => set("evidence", draft.evidence.filter((_, j) => j !== i))}>
              Remove evidence
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn"
          onClick={() => set("evidence", [...draft.evidence, { method: "security-feature-test", reference: "", result: "passed", date: new Date().toISOString().slice(0, 10), notes: "" }])}
        >
          Add evidence
        </button>
      </fieldset>
      {props.linked.length > 0 && (
        <div className="text-xs">
          <p className="field-label">Linked threats</p>
          <ul className="list-disc pl-4">
            {props.linked.map((t) => (
              <li key={t.id}>
                <Link href={`/projects/${props.projectId}/threats/${encodeURIComponent(t.id)}`}>{t.title}</Link> ({t.status})
              </li>
            ))}
          </ul>
        </div>
      )}
      <IssueList issues={errors} />
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-green-800" : "text-red-700"}`}>
          {message.text}
        </p>
      )}
      <button className="btn btn-primary" disabled={busy}>
        {busy ? "Saving…" : "Save control"}
      </button>
    </form>
  );
}

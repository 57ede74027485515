"use client";

import { useMemo, useState } from "react";
import { Select } from "../_editor/fields";
import type { ObsoleteView, RecordView } from "@/app/_server/threat-views";
import type { CoverageEntry, Threat } from "@/lib/threats/engine";
import { STATUS_LABELS, THREAT_STATUSES, type ThreatStatus } from "@/lib/threats/decision";
import { STRIDE_NAMES, STRIDE_ORDER } from "./stride";
import { ThreatCard } from "./ThreatCard";
import { CoverageTable } from "./CoverageTable";

type Tab = "threats" | "coverage" | "obsolete";
type GroupBy = "element" | "category";

export function ThreatsView(props: {
  projectId: string;
  revision: number;
  libraryVersion: string;
  threats: Threat[];
  records: Record<string, RecordView>;
  obsolete: ObsoleteView[];
  coverage: CoverageEntry[];
  warnings: string[];
  residuals: Record<string, { acceptable: boolean; text: string }>;
  /** From the page's `?tab=` (the coverage review links to `?tab=coverage`). */
  initialTab?: Tab;
}) {
  const [tab, setTab] = useState<Tab>(props.initialTab ?? "threats");
  const [status, setStatus] = useState<ThreatStatus | "all" | "decided">("all");
  const [stride, setStride] = useState<string>("all");
  const [safety, setSafety] = useState<"all" | "yes" | "no">("all");
  const [search, setSearch] = useState("");
  const [groupBy, setGroupBy] = useState<GroupBy>("element");
  const [records, setRecords] = useState(props.records);

  const statusOf = (t: Threat) => records[t.id]?.status ?? "open";
  const shown = props.threats.filter(
    (t) =>
      (status === "all" || (status === "decided" ? statusOf(t) !== "open" : statusOf(t) === status)) &&
      (stride === "all" || t.stride === stride) &&
      (safety === "all" || t.affectsSafety === (safety === "yes")) &&
      (!search || `${t.title} ${t.id} ${t.targetName} ${t.description}`.toLowerCase().includes(search.toLowerCase())),
  );
  const groups = useMemo(() => {
    const map = new Map<string, { title: string; threats: Threat[] }>();
    for (const t of shown) {
      const key = groupBy === "element" ? t.targetId : t.stride;
      const title = groupBy === "element" ? `${t.targetName} (${t.targetKind.replace("-", " ")})` : STRIDE_NAMES[t.stride];
      (map.get(key) ?? map.set(key, { title, threats: [] }).get(key)!).threats.push(t);
    }
    const entries = [...map.entries()];
    if (groupBy === "category") entries.sort((a, b) => STRIDE_ORDER.indexOf(a[0]) - STRIDE_ORDER.indexOf(b[0]));
    return entries;
  }, [shown, groupBy]);

  const open = props.threats.filter((t) => statusOf(t) === "open").length;
  const safetyCount = props.threats.filter((t) => t.affectsSafety).length;
  const download = (format: string) => `/api/projects/${props.projectId}/threats?format=${format}`;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700" data-testid="threat-summary">
          <strong>{props.threats.length}</strong> threats on revision {props.revision}: <strong>{open}</strong> open, {props.threats.length - open} decided,{" "}
          {safetyCount} can affect patient safety, {props.obsolete.length} obsolete. Threat library {props.libraryVersion}.
        </p>
        <div className="flex gap-2 text-sm">
          <a className="btn" href={download("csv")}>CSV</a>
          <a className="btn" href={download("md")}>Markdown</a>
          <a className="btn" href={download("json")}>JSON</a>
        </div>
      </div>
      {props.warnings.map((w) => (
        <p key={w} role="alert" className="rounded border border-amber-400 bg-amber-50 p-2 text-sm">
          {w}
        </p>
      ))}
      <div className="flex gap-1" role="tablist" aria-label="Threat views">
        {(["threats", "coverage", "obsolete"] as Tab[]).map((t) => (
          <button key={t} role="tab" aria-selected={tab === t} className={`btn ${tab === t ? "btn-primary" : ""}`} onClick={() => setTab(t)}>
            {t === "threats" ? "Threats" : t === "coverage" ? "Coverage" : `Obsolete (${props.obsolete.length})`}
          </button>
        ))}
      </div>

      {tab === "threats" && (
        <>
          <div className="card flex flex-wrap items-end gap-3 text-sm" aria-label="Filters">
            <Filter label="Status" value={status} onChange={(v) => setStatus(v as typeof status)} options={[["all", "All"], ["decided", "Decided"], ...THREAT_STATUSES.map((s) => [s, STATUS_LABELS[s]] as [string, string])]} />
            <Filter label="Category" value={stride} onChange={setStride} options={[["all", "All"], ...STRIDE_ORDER.map((s) => [s, STRIDE_NAMES[s]] as [string, string])]} />
            <Filter label="Patient safety" value={safety} onChange={(v) => setSafety(v as typeof safety)} options={[["all", "All"], ["yes", "Can affect safety"], ["no", "No safety impact"]]} />
            <Filter label="Group by" value={groupBy} onChange={(v) => setGroupBy(v as GroupBy)} options={[["element", "Element"], ["category", "Category"]]} />
            <div className="grow">
              <label htmlFor="threat-search" className="field-label">
                Search
              </label>
              <input id="threat-search" className="input" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="title, id, element…" />
            </div>
          </div>
          <p className="text-xs text-slate-500">{shown.length} shown.</p>
          {groups.map(([key, g]) => (
            <details key={key} open className="card" data-testid={`group-${key}`}>
              <summary className="cursor-pointer font-semibold">
                {g.title} <span className="font-normal text-slate-500">({g.threats.length})</span>
              </summary>
              <div className="mt-3 space-y-3">
                {g.threats.map((t) => (
                  <ThreatCard
                    key={t.id}
                    projectId={props.projectId}
                    threat={t}
                    record={records[t.id]}
                    residual={props.residuals[t.id]}
                    onSaved={(r) => setRecords((all) => ({ ...all, [r.threatId]: r }))}
                  />
                ))}
              </div>
            </details>
          ))}
        </>
      )}

      {tab === "coverage" && <CoverageTable projectId={props.projectId} coverage={props.coverage} />}

      {tab === "obsolete" && (
        <div className="card space-y-3">
          <p className="text-sm text-slate-600">Threats whose conditions no longer hold in the current model. They keep their decisions and history and come back if the conditions hold again.</p>
          {props.obsolete.length === 0 && <p className="text-sm text-slate-500">None.</p>}
          {props.obsolete.map((o) => (
            <div key={o.threatId} className="border-t border-slate-100 pt-2 text-sm">
              <p className="font-medium">{o.title}</p>
              <p className="font-mono text-xs text-slate-500">{o.threatId}</p>
              <p>
                Obsolete since revision {o.obsoleteSinceRevision}; last decision: {STATUS_LABELS[o.status]}
                {o.justification ? ` — ${o.justification}` : ""}
              </p>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

/** A select over [value, label] pairs. */
function Filter(props: { label: string; value: string; onChange(v: string): void; options: [string, string][] }) {
  const labels = new Map(props.options);
  return <Select label={props.label} value={props.value} options={props.options.map(([v]) => v)} optionLabel={(v) => labels.get(v) ?? v} onChange={props.onChange} />;
}

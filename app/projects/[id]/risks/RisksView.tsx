"use client";

import Link from "next/link";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { saveHazardAction, saveSettingsAction } from "@/app/actions/assessment";
import { CVSS_BANDS, EXPLOITABILITY_LEVELS, ISO_SEVERITIES, type Hazard, type IsoSeverity, type RiskSettings } from "@/lib/risk/assessment";
import type { RiskOverview } from "@/lib/risk/evaluate";

/** All risks of a project: heat maps and CVSS bands before and after controls, unacceptable residual risks first; hazards; acceptance criteria. */
export function RisksView(props: {
  projectId: string;
  overview: RiskOverview;
  titles: Record<string, string>;
  hazards: { hazard: Hazard; version: number }[];
  settings: RiskSettings;
  settingsVersion: number;
}) {
  const { overview } = props;
  return (
    <div className="space-y-4">
      <p className="text-sm" data-testid="risk-summary">
        {overview.risks.length} risks evaluated; <strong>{overview.unacceptableAfter}</strong> with unacceptable residual risk.
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <HeatMap title="Safety risks before controls" counts={overview.heatmap.before} settings={props.settings} />
        <HeatMap title="Safety risks after controls" counts={overview.heatmap.after} settings={props.settings} />
      </div>
      <section className="card">
        <h2 className="mb-2">CVSS severity bands</h2>
        <table className="text-sm" aria-label="CVSS bands">
          <thead className="text-xs text-slate-500">
            <tr>
              <th className="pr-4 text-left">Band</th>
              <th className="pr-4">Before</th>
              <th>After</th>
            </tr>
          </thead>
          <tbody>
            {[...CVSS_BANDS, "unscored" as const].map((b) => (
              <tr key={b}>
                <td className="pr-4">{b}</td>
                <td className="pr-4 text-center">{overview.bands.before[b]}</td>
                <td className="text-center">{overview.bands.after[b]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card">
        <h2 className="mb-2">Risks, unacceptable residual risks first</h2>
        <table className="w-full text-left text-sm" aria-label="Risks">
          <thead className="text-xs text-slate-500">
            <tr>
              <th className="py-1">Threat</th>
              <th>Kind</th>
              <th>Before</th>
              <th>After</th>
              <th>Residual</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {overview.risks.map((r) => (
              <tr key={r.threatId}>
                <td className="py-1">
                  <Link href={`/projects/${props.projectId}/threats/${encodeURIComponent(r.threatId)}`}>{props.titles[r.threatId] ?? r.threatId}</Link>
                  <span className="block font-mono text-xs text-slate-500">{r.threatId}</span>
                </td>
                <td className="text-xs">
                  {r.kind === "safety" ? `safety: ${r.severity}${r.hazardMissing ? " (no hazard)" : ""}` : "security"}
                  {r.multiPatient ? ", many patients" : ""}
                </td>
                <td className="text-xs">{phase(r.before)}</td>
                <td className="text-xs">{r.after.sameAsBefore ? "not scored after controls" : phase(r.after)}</td>
                <td className={`text-xs font-semibold ${r.after.acceptable ? "text-green-800" : "text-red-700"}`}>{r.after.acceptable ? "acceptable" : "unacceptable"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <Hazards projectId={props.projectId} hazards={props.hazards} />
      <SettingsEditor projectId={props.projectId} settings={props.settings} version={props.settingsVersion} />
    </div>
  );
}

const phase = (p: RiskOverview["risks"][number]["before"]) => `${p.score !== undefined ? `${p.score.toFixed(1)} ${p.band}` : "not scored"}, ${p.exploitability}${p.assumed ? " (assumed)" : ""}`;

type Exploitability = (typeof EXPLOITABILITY_LEVELS)[number];
type Severity = (typeof ISO_SEVERITIES)[number];

/** Severity rows (worst first) by exploitability columns; `cell` draws each cell. */
function SeverityMatrix({ label, className = "", cell }: { label: string; className?: string; cell(e: Exploitability, s: Severity): React.ReactNode }) {
  return (
    <table className={`${className} text-center text-sm`} aria-label={label}>
      <thead className="text-xs text-slate-500">
        <tr>
          <th className="text-left">Severity / exploitability</th>
          {EXPLOITABILITY_LEVELS.map((e) => (
            <th key={e}>{e}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {[...ISO_SEVERITIES].reverse().map((s) => (
          <tr key={s}>
            <td className="text-left text-xs">{s}</td>
            {EXPLOITABILITY_LEVELS.map((e) => cell(e, s))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function HeatMap({ title, counts, settings }: { title: string; counts: RiskOverview["heatmap"]["before"]; settings: RiskSettings }) {
  return (
    <section className="card">
      <h2 className="mb-2">{title}</h2>
      <SeverityMatrix
        label={title}
        className="w-full"
        cell={(e, s) => (
          <td key={e} className={`border border-white py-2 ${settings.matrix[e][s] === "acceptable" ? "bg-green-100" : "bg-red-100"}`}>
            {counts[s][e] || ""}
          </td>
        )}
      />
    </section>
  );
}

function Hazards({ projectId, hazards }: { projectId: string; hazards: { hazard: Hazard; version: number }[] }) {
  const router = useRouter();
  const [editing, setEditing] = useState<{ hazard: Hazard; version: number; previousId?: string }>();
  const [message, setMessage] = useState<string>();
  const save = async () => {
    if (!editing) return;
    const outcome = await saveHazardAction(projectId, editing.hazard, editing.version, editing.previousId);
    if (outcome.ok) {
      setEditing(undefined);
      setMessage(undefined);
      router.refresh();
    } else setMessage(`${outcome.message}${"errors" in outcome ? `: ${outcome.errors.map((e) => `${e.path} ${e.message}`).join("; ")}` : ""}`);
  };
  return (
    <section className="card space-y-2">
      <div className="flex items-center justify-between">
        <h2>Hazards</h2>
        <button className="btn" onClick={() => setEditing({ hazard: { id: "", title: "", harm: "", severity: "serious" }, version: 0 })}>
          New hazard
        </button>
      </div>
      <ul className="divide-y divide-slate-100 text-sm">
        {hazards.map(({ hazard, version }) => (
          <li key={hazard.id} className="flex items-center justify-between py-1">
            <span>
              {hazard.title} <span className="text-xs text-slate-500">({hazard.severity}) {hazard.harm}</span>
            </span>
            <button className="btn" onClick={() => setEditing({ hazard, version, previousId: hazard.id })}>
              Edit
            </button>
          </li>
        ))}
      </ul>
      {editing && (
        <div className="grid gap-2 rounded border border-slate-200 p-2 md:grid-cols-4" role="group" aria-label="Hazard">
          <input aria-label="Hazard id" className="input font-mono" placeholder="id, e.g. insulin-overdose" value={editing.hazard.id} onChange={(e) => setEditing({ ...editing, hazard: { ...editing.hazard, id: e.target.value.toLowerCase() } })} />
          <input aria-label="Hazard title" className="input" placeholder="Title" value={editing.hazard.title} onChange={(e) => setEditing({ ...editing, hazard: { ...editing.hazard, title: e.target.value } })} />
          <input aria-label="Harm" className="input" placeholder="Harm" value={editing.hazard.harm} onChange={(e) => setEditing({ ...editing, hazard: { ...editing.hazard, harm: e.target.value } })} />
          <select aria-label="Severity" className="input" value={editing.hazard.severity} onChange={(e) => setEditing({ ...editing, hazard: { ...editing.hazard, severity: e.target.value as IsoSeverity } })}>
            {ISO_SEVERITIES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
          {message && (
            <p role="alert" className="text-sm text-red-700 md:col-span-4">
              {message}
            </p>
          )}
          <button className="btn btn-primary md:col-span-1" onClick={save}>
            Save hazard
          </button>
        </div>
      )}
    </section>
  );
}

function SettingsEditor({ projectId, settings, version }: { projectId: string; settings: RiskSettings; version: number }) {
  const router = useRouter();
  const [draft, setDraft] = useState(settings);
  const [base, setBase] = useState(version);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const toggle = (e: (typeof EXPLOITABILITY_LEVELS)[number], s: IsoSeverity) =>
    setDraft((d) => ({ ...d, matrix: { ...d.matrix, [e]: { ...d.matrix[e], [s]: d.matrix[e][s] === "acceptable" ? "unacceptable" : "acceptable" } } }));
  const save = async () => {
    const outcome = await saveSettingsAction(projectId, draft, base);
    if (outcome.ok) {
      setBase(outcome.version);
      setMessage({ ok: true, text: "Saved the risk acceptance criteria; every risk is evaluated with them." });
      router.refresh();
    } else {
      if (outcome.kind === "conflict" && outcome.version !== undefined) setBase(outcome.version);
      setMessage({ ok: false, text: outcome.message });
    }
  };
  const threshold = (key: keyof RiskSettings["exploitabilityThresholds"]) => (
    <label className="text-sm">
      <span className="field-label">{key} at or above</span>
      <input
        type="number"
        step="0.1"
        min="0"
        max="10"
        className="input w-24"
        value={draft.exploitabilityThresholds[key]}
        onChange={(e) => setDraft({ ...draft, exploitabilityThresholds: { ...draft.exploitabilityThresholds, [key]: Number(e.target.value) } })}
      />
    </label>
  );
  return (
    <section className="card space-y-3" aria-label="Risk acceptance criteria">
      <h2>Risk acceptance criteria</h2>
      <p className="text-sm text-slate-600">
        The manufacturer defines these (MDCG 2019-16 §3.5). Exploitability comes from the CVSS exploitability sub-score; a threat without a vector is taken as
        highly exploitable, and a safety threat without a hazard as catastrophic. Click a cell of the matrix to switch it.
      </p>
      <div className="flex flex-wrap gap-3">
        {threshold("high")}
        {threshold("medium")}
        {threshold("low")}
      </div>
      <SeverityMatrix
        label="Acceptability matrix"
        cell={(e, s) => (
          <td key={e} className="p-0.5">
            <button
              type="button"
              aria-label={`${s} at ${e} exploitability`}
              className={`w-28 rounded px-1 py-1 text-xs ${draft.matrix[e][s] === "acceptable" ? "bg-green-100" : "bg-red-100"}`}
              onClick={() => toggle(e, s)}
            >
              {draft.matrix[e][s]}
            </button>
          </td>
        )}
      />
      <div className="flex flex-wrap gap-3 text-sm">
        <label>
          <span className="field-label">Multi-patient harm raises severity by</span>
          <select className="input w-24" value={draft.multiPatientEscalation} onChange={(e) => setDraft({ ...draft, multiPatientEscalation: Number(e.target.value) })}>
            {[0, 1, 2].map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <label>
          <span className="field-label">Security risks acceptable up to</span>
          <select className="input" value={draft.securityAcceptance.maxBand} onChange={(e) => setDraft({ ...draft, securityAcceptance: { ...draft.securityAcceptance, maxBand: e.target.value as typeof draft.securityAcceptance.maxBand } })}>
            {CVSS_BANDS.map((b) => (
              <option key={b}>{b}</option>
            ))}
          </select>
        </label>
        <label>
          <span className="field-label">…for patient data of many patients up to</span>
          <select
            className="input"
            value={draft.securityAcceptance.maxBandManyPatientsData}
            onChange={(e) => setDraft({ ...draft, securityAcceptance: { ...draft.securityAcceptance, maxBandManyPatientsData: e.target.value as typeof draft.securityAcceptance.maxBand } })}
          >
            {CVSS_BANDS.map((b) => (
              <option key={b}>{b}</option>
            ))}
          </select>
        </label>
      </div>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-green-800" : "text-red-700"}`}>
          {message.text}
        </p>
      )}
      <button className="btn btn-primary" onClick={save}>
        Save criteria
      </button>
    </section>
  );
}

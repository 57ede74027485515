"use client";

import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { adoptLibraryControlAction, saveHazardAction, saveThreatRiskAction } from "@/app/actions/assessment";
import { IssueList } from "@/app/_components/IssueList";
import type { ModelIssue } from "@/lib/model/issues";
import { CONTROL_STATUSES, ISO_SEVERITIES, type ControlLink, type Hazard, type IsoSeverity, type RiskSettings, type ThreatAssessment } from "@/lib/risk/assessment";
import { evaluateThreat, type PhaseRisk, type ThreatRisk } from "@/lib/risk/evaluate";
import type { Threat } from "@/lib/threats/engine";
import { CvssCalculator } from "./CvssCalculator";
import { RubricQuestionnaire } from "./RubricQuestionnaire";

interface ControlSummary {
  id: string;
  title: string;
  type: string;
  transfersToOperator: boolean;
  status?: string;
}

type Draft = Pick<ThreatAssessment, "hazard" | "multiPatient" | "before" | "after" | "controls">;

/** Scores, hazard, multi-patient flag and controls of one threat, with the risk before and after controls shown live. */
export function ThreatRiskEditor(props: {
  projectId: string;
  threat: Threat;
  version: number;
  assessed: ThreatAssessment;
  hazards: Hazard[];
  controls: ControlSummary[];
  suggestions: ControlSummary[];
  settings: RiskSettings;
  serverRisk: ThreatRisk | null;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>({
    hazard: props.assessed.hazard,
    multiPatient: props.assessed.multiPatient,
    before: props.assessed.before,
    after: props.assessed.after,
    controls: props.assessed.controls,
  });
  const [version, setVersion] = useState(props.version);
  const [hazards, setHazards] = useState(props.hazards);
  const [controls, setControls] = useState(props.controls);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<ModelIssue[]>([]);
  const [message, setMessage] = useState<{ kind: "saved" | "conflict" | "error"; text: string }>();
  const [showRubric, setShowRubric] = useState(false);
  const [calculatorKey, setCalculatorKey] = useState(0);

  const risk = useMemo(
    () => evaluateThreat(props.threat, { ...props.assessed, ...draft }, { hazards, settings: props.settings }),
    [draft, hazards, props.threat, props.assessed, props.settings],
  );
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const save = async (base = version) => {
    setBusy(true);
    setErrors([]);
    setMessage(undefined);
    try {
      const outcome = await saveThreatRiskAction(props.projectId, props.threat.id, base, {
        hazard: draft.hazard ?? null,
        multiPatient: draft.multiPatient ?? null,
        before: draft.before,
        after: draft.after,
        controls: draft.controls,
      });
      if (outcome.ok) {
        setVersion(outcome.version);
        setMessage({ kind: "saved", text: "Saved the risk assessment." });
        router.refresh();
      } else if (outcome.kind === "conflict") {
        if (outcome.version !== undefined) setVersion(outcome.version);
        setMessage({ kind: "conflict", text: outcome.message });
      } else {
        setMessage({ kind: "error", text: outcome.message });
        if ("errors" in outcome) setErrors(outcome.errors);
      }
    } catch (e) {
      setMessage({ kind: "error", text: `not saved: ${(e as Error).message}; your input is kept` });
    } finally {
      setBusy(false);
    }
  };

  const adopt = async (control: ControlSummary) => {
    setBusy(true);
    const outcome = await adoptLibraryControlAction(props.projectId, control.id);
    setBusy(false);
    if (!outcome.ok) return setMessage({ kind: "error", text: outcome.message });
    if (!controls.some((c) => c.id === control.id)) setControls((cs) => [...cs, { ...control, status: "proposed" }]);
    if (!draft.controls.some((l) => l.control === control.id)) set("controls", [...draft.controls, { control: control.id, status: "proposed", rationale: "" }]);
  };

  const linked = new Set(draft.controls.map((l) => l.control));
  const transferOnly = draft.controls.length > 0 && draft.controls.every((l) => controls.find((c) => c.id === l.control)?.transfersToOperator);

  return (
    <section className="card space-y-4" aria-label="Risk assessment">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h2>Risk before and after controls</h2>
        <RiskSummary risk={risk} />
      </div>

      <div className="grid gap-3 md:grid-cols-2">
        <HazardPicker
          projectId={props.projectId}
          hazards={hazards}
          value={draft.hazard}
          required={props.threat.affectsSafety}
          onChange={(h) => set("hazard", h)}
          onCreated={(h) => {
            setHazards((hs) => [...hs, h]);
            set("hazard", h.id);
          }}
        />
        <div>
          <label htmlFor="multi-patient" className="field-label">
            Can one compromise harm many patients?
          </label>
          <select
            id="multi-patient"
            className="input"
            value={draft.multiPatient === undefined ? "derived" : String(draft.multiPatient)}
            onChange={(e) => set("multiPatient", e.target.value === "derived" ? undefined : e.target.value === "true")}
          >
            <option value="derived">From the model: {props.threat.reachesManyPatients ? "yes" : "no"}</option>
            <option value="true">Yes (multi-patient harm)</option>
            <option value="false">No</option>
          </select>
          <p className="text-xs text-slate-500">Multi-patient harm raises the severity by {props.settings.multiPatientEscalation} level(s) (project setting).</p>
        </div>
      </div>

      <div className="space-y-2">
        <h3 className="font-semibold">Before controls</h3>
        <div className="grid gap-2 xl:grid-cols-2" key={`before-${calculatorKey}`}>
          <CvssCalculator version="3.1" label="CVSS 3.1 before controls" value={draft.before.cvss31} onChange={(v) => set("before", { ...draft.before, cvss31: v })} />
          <CvssCalculator version="4.0" label="CVSS 4.0 before controls" value={draft.before.cvss40} onChange={(v) => set("before", { ...draft.before, cvss40: v })} />
        </div>
        <button type="button" className="btn" onClick={() => setShowRubric((s) => !s)}>
          {showRubric ? "Hide" : "Score with"} the MITRE medical device rubric{draft.before.rubric ? " (answered)" : ""}
        </button>
        {showRubric && (
          <RubricQuestionnaire
            extended={draft.before.rubric}
            onApply={({ vector, extended }) => {
              set("before", { ...draft.before, cvss31: vector, rubric: extended });
              setCalculatorKey((k) => k + 1);
            }}
          />
        )}
        {draft.before.rubric && <p className="font-mono text-xs text-slate-600">Rubric answers: {draft.before.rubric}</p>}
      </div>

      <div className="space-y-2">
        <h3 className="font-semibold">Controls</h3>
        {draft.controls.length === 0 && <p className="text-sm text-slate-500">No control linked yet.</p>}
        {draft.controls.map((link, i) => (
          <LinkRow
            key={link.control}
            link={link}
            control={controls.find((c) => c.id === link.control)}
            onChange={(l) => set("controls", draft.controls.map((x, j) => (j === i ? l : x)))}
            onRemove={() => set("controls", draft.controls.filter((_, j) => j !== i))}
          />
        ))}
        <div className="flex flex-wrap gap-2">
          <select
            aria-label="Link a project control"
            className="input w-auto"
            value=""
            onChange={(e) => e.target.value && set("controls", [...draft.controls, { control: e.target.value, status: "proposed", rationale: "" }])}
          >
            <option value="">Link a project control…</option>
            {controls
              .filter((c) => !linked.has(c.id))
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
          </select>
        </div>
        {props.suggestions.some((s) => !linked.has(s.id)) && (
          <div className="text-sm">
            <p className="field-label">Suggested by the threat library</p>
            <ul className="space-y-1">
              {props.suggestions
                .filter((s) => !linked.has(s.id))
                .map((s) => (
                  <li key={s.id} className="flex items-center justify-between gap-2">
                    <span>
                      {s.title} <span className="text-xs text-slate-500">({s.type.replace(/-/g, " ")}{s.transfersToOperator ? ", transfers to operator" : ""})</span>
                    </span>
                    <button type="button" className="btn" disabled={busy} onClick={() => adopt(s)}>
                      Add
                    </button>
                  </li>
                ))}
            </ul>
          </div>
        )}
        {transferOnly && (
          <p className="rounded bg-amber-50 p-2 text-sm text-amber-900">
            Every linked control transfers risk to the operator. A threat is never closed by transfer silently: record the decision with a justification, and
            make sure each control has its IFU text.
          </p>
        )}
      </div>

      <div className="space-y-2">
        <h3 className="font-semibold">After controls</h3>
        <p className="text-xs text-slate-500">Score the threat again with the linked controls in place. Without scores here, the risk after controls is the risk before.</p>
        <div className="grid gap-2 xl:grid-cols-2">
          <CvssCalculator version="3.1" label="CVSS 3.1 after controls" value={draft.after.cvss31} onChange={(v) => set("after", { ...draft.after, cvss31: v })} />
          <CvssCalculator version="4.0" label="CVSS 4.0 after controls" value={draft.after.cvss40} onChange={(v) => set("after", { ...draft.after, cvss40: v })} />
        </div>
      </div>

      <IssueList issues={errors} />
      {message && (
        <div role={message.kind === "saved" ? "status" : "alert"} className={`text-sm ${message.kind === "saved" ? "text-green-800" : message.kind === "conflict" ? "text-amber-900" : "text-red-700"}`}>
          <p>{message.text}</p>
          {message.kind === "conflict" && (
            <button className="btn mt-1" onClick={() => save(version)}>
              Save mine over it
            </button>
          )}
        </div>
      )}
      <button className="btn btn-primary" disabled={busy} onClick={() => save()}>
        {busy ? "Saving…" : "Save risk assessment"}
      </button>
    </section>
  );
}

function phaseText(p: PhaseRisk) {
  return `${p.score !== undefined ? `CVSS ${p.score.toFixed(1)} ${p.band}` : "not scored"} · ${p.exploitability} exploitability${p.assumed ? " (assumed)" : ""}`;
}

function RiskSummary({ risk }: { risk: ThreatRisk }) {
  const badge = (p: PhaseRisk, label: string) => (
    <div className={`rounded border px-2 py-1 ${p.acceptable ? "border-green-300 bg-green-50" : "border-red-300 bg-red-50"}`} data-testid={`risk-${label}`}>
      <p className="text-xs font-semibold">
        {label}: {p.acceptable ? "acceptable" : "unacceptable"}
      </p>
      <p className="text-xs">{phaseText(p)}</p>
    </div>
  );
  return (
    <div className="space-y-1 text-sm">
      <p className="text-xs text-slate-600">
        {risk.kind === "safety" ? `Safety risk: ${risk.severity} harm${risk.hazardMissing ? " (no hazard linked: worst case)" : ""}${risk.multiPatient ? ", many patients" : ""}` : "Security risk (no patient-safety impact)"}
      </p>
      <div className="flex gap-2">
        {badge(risk.before, "before")}
        {badge(risk.after, "after")}
      </div>
      <p className="max-w-md text-xs text-slate-600">{risk.after.because}</p>
    </div>
  );
}

function LinkRow({ link, control, onChange, onRemove }: { link: ControlLink; control?: ControlSummary; onChange(l: ControlLink): void; onRemove(): void }) {
  return (
    <div className="flex flex-wrap items-end gap-2 rounded border border-slate-100 p-2 text-sm">
      <div className="min-w-48 grow">
        <p className="font-medium">{control?.title ?? link.control}</p>
        <p className="text-xs text-slate-500">
          {control ? `${control.type.replace(/-/g, " ")}${control.transfersToOperator ? " · transfers to operator" : ""} · control ${control.status ?? ""}` : "unknown control"}
        </p>
      </div>
      <select aria-label={`Status of ${link.control} for this threat`} className="input w-36" value={link.status} onChange={(e) => onChange({ ...link, status: e.target.value as ControlLink["status"] })}>
        {CONTROL_STATUSES.map((s) => (
          <option key={s}>{s}</option>
        ))}
      </select>
      <input aria-label={`Rationale for ${link.control}`} className="input grow" placeholder="How it counters this threat" value={link.rationale} onChange={(e) => onChange({ ...link, rationale: e.target.value })} />
      <button type="button" className="btn" onClick={onRemove} aria-label={`Unlink ${link.control}`}>
        ×
      </button>
    </div>
  );
}

function HazardPicker(props: { projectId: string; hazards: Hazard[]; value?: string; required: boolean; onChange(id: string | undefined): void; onCreated(h: Hazard): void }) {
  const [creating, setCreating] = useState(false);
  const [draft, setDraft] = useState<Hazard>({ id: "", title: "", harm: "", severity: "serious" });
  const [error, setError] = useState<string>();
  const create = async () => {
    const id = draft.id || draft.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    const outcome = await saveHazardAction(props.projectId, { ...draft, id }, 0);
    if (!outcome.ok) return setError(outcome.message + ("errors" in outcome ? `: ${outcome.errors.map((e) => e.message).join("; ")}` : ""));
    props.onCreated(outcome.value);
    setCreating(false);
    setError(undefined);
  };
  return (
    <div>
      <label htmlFor="hazard" className="field-label">
        Hazard (ISO 14971){props.required ? " — this threat can affect patient safety" : ""}
      </label>
      <div className="flex gap-2">
        <select id="hazard" className="input" value={props.value ?? ""} onChange={(e) => props.onChange(e.target.value || undefined)}>
          <option value="">(none)</option>
          {props.hazards.map((h) => (
            <option key={h.id} value={h.id}>
              {h.title} — {h.severity}
            </option>
          ))}
        </select>
        <button type="button" className="btn" onClick={() => setCreating((c) => !c)}>
          New hazard
        </button>
      </div>
      {creating && (
        <div className="mt-2 space-y-1 rounded border border-slate-200 p-2" role="group" aria-label="New hazard">
          <input aria-label="Hazard title" className="input" placeholder="e.g. Insulin overdose" value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />
          <input aria-label="Harm" className="input" placeholder="Harm to the patient" value={draft.harm} onChange={(e) => setDraft({ ...draft, harm: e.target.value })} />
          <select aria-label="Severity" className="input" value={draft.severity} onChange={(e) => setDraft({ ...draft, severity: e.target.value as IsoSeverity })}>
            {ISO_SEVERITIES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
          {error && (
            <p role="alert" className="text-xs text-red-700">
              {error}
            </p>
          )}
          <button type="button" className="btn btn-primary" disabled={!draft.title.trim()} onClick={create}>
            Create hazard
          </button>
        </div>
      )}
    </div>
  );
}

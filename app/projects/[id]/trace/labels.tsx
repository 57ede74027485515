import Link from "next/link";
import { STATUS_LABELS, type ThreatStatus } from "@/lib/threats/decision";
import type { RequirementState, Residual, RiskSummary } from "@/lib/trace/matrix";

/** Names and links the traceability matrix, the review and the requirements checklist share. */

export const REQUIREMENT_STATE_LABELS: Record<RequirementState, string> = {
  "not-applicable": "Not applicable",
  "no-control": "No control",
  "no-evidence": "No evidence",
  evidenced: "Evidenced",
};

const STATE_STYLES: Record<RequirementState, string> = {
  "not-applicable": "bg-slate-100 text-slate-700",
  "no-control": "bg-red-100 text-red-800",
  "no-evidence": "bg-amber-100 text-amber-900",
  evidenced: "bg-green-100 text-green-800",
};

export function RequirementStateBadge({ state }: { state: RequirementState }) {
  return <span data-testid="requirement-state" className={`rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${STATE_STYLES[state]}`}>{REQUIREMENT_STATE_LABELS[state]}</span>;
}

export const projectPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}`;
export const threatHref = (projectId: string, threatId: string) => `${projectPath(projectId)}/threats/${encodeURIComponent(threatId)}`;
export const controlHref = (projectId: string, controlId: string) => `${projectPath(projectId)}/controls#${encodeURIComponent(controlId)}`;
export const requirementHref = (projectId: string, requirementId: string) => `${projectPath(projectId)}/requirements#${encodeURIComponent(requirementId)}`;

export function ThreatLink(props: { projectId: string; threat: { id: string; title: string; status: ThreatStatus; residual: Residual } }) {
  const { threat } = props;
  return (
    <span>
      <Link href={threatHref(props.projectId, threat.id)} title={threat.id}>
        {threat.title}
      </Link>{" "}
      <span className="text-xs text-slate-500">
        {STATUS_LABELS[threat.status].toLowerCase()}
        {threat.residual !== "not-applicable" && (
          <>
            , residual risk <span className={threat.residual === "unacceptable" ? "text-red-700" : "text-green-800"}>{threat.residual}</span>
          </>
        )}
      </span>
    </span>
  );
}

export function riskText(risk: RiskSummary): string {
  const score = risk.score !== undefined ? `CVSS ${risk.score.toFixed(1)}` : "not scored";
  return `${score}, ${risk.exploitability.replace("-", " ")} exploitability${risk.assumed ? " (assumed)" : ""}`;
}

export function RiskCell({ risk }: { risk: RiskSummary }) {
  return (
    <>
      <span className={risk.acceptable ? "text-green-800" : "font-medium text-red-700"}>{risk.acceptable ? "acceptable" : "unacceptable"}</span>
      <span className="block text-xs text-slate-500">{riskText(risk)}</span>
    </>
  );
}

import { getDb } from "@/db/client";
import { commentsOf } from "@/db/comments";
import type { Actor } from "@/db/users";
import { annexIRequirements } from "@/lib/catalog";
import { THREAT_STATUSES, type ThreatStatus } from "@/lib/threats/decision";
import {
  elementTrace,
  elementTraceCsv,
  requirementTrace,
  requirementTraceCsv,
  type ElementTraceFilter,
  type RequirementTraceFilter,
  type TraceInput,
} from "@/lib/trace/matrix";
import { projectAssessment } from "./assessment";
import { readProject } from "./projects";

/** What the traceability matrix, the coverage review and the requirements checklist are computed from. */
export async function projectTrace(actor: Actor, projectId: string) {
  const data = await projectAssessment(actor, projectId);
  if (!data) return undefined;
  const [stored, comments] = await Promise.all([readProject(projectId, data.revision), commentsOf(await getDb(), projectId)]);
  if (!stored) return undefined;
  const input: TraceInput = {
    model: stored.model,
    analysis: data.analysis,
    assessment: data.assessment,
    obsoleteThreatIds: data.obsolete.map((r) => r.threatId),
    comments: comments.map((c) => ({ targetType: c.targetType, targetId: c.targetId, resolved: c.resolvedAt != null })),
  };
  return { input, revision: data.revision, requirementVersions: data.requirementVersions };
}

export async function traceInputOf(actor: Actor, projectId: string): Promise<TraceInput | undefined> {
  return (await projectTrace(actor, projectId))?.input;
}


// ---------------------------------------------------------------------------------------------
// The matrix's query: the same search parameters in the page URL and the API

export const TRACE_DIRECTIONS = ["requirements", "elements"] as const;
export type TraceDirection = (typeof TRACE_DIRECTIONS)[number];

/** `requirement` filters the requirements direction; `element` and `status` the elements direction; `gaps` both. */
export interface TraceQuery {
  direction: TraceDirection;
  requirement?: string;
  element?: string;
  status?: ThreatStatus;
  gaps: boolean;
}

type Params = URLSearchParams | Record<string, string | string[] | undefined>;
const paramOf = (params: Params, name: string) => {
  const value = params instanceof URLSearchParams ? params.get(name) : params[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
};

/** Reads a query from search parameters; a bad value is left out and described in `errors`. */
export function traceQueryOf(params: Params): { query: TraceQuery; errors: string[] } {
  const errors: string[] = [];
  const direction = paramOf(params, "direction") ?? "requirements";
  const status = paramOf(params, "status");
  const gaps = paramOf(params, "gaps") ?? "false";
  const query: TraceQuery = { direction: "requirements", gaps: false, requirement: paramOf(params, "requirement"), element: paramOf(params, "element") };
  if ((TRACE_DIRECTIONS as readonly string[]).includes(direction)) query.direction = direction as TraceDirection;
  else errors.push(`direction must be one of ${TRACE_DIRECTIONS.join(", ")}, not "${direction}"`);
  if (status === undefined || (THREAT_STATUSES as readonly string[]).includes(status)) query.status = status as ThreatStatus | undefined;
  else errors.push(`status must be one of ${THREAT_STATUSES.join(", ")}, not "${status}"`);
  if (["1", "true", "yes", "on"].includes(gaps)) query.gaps = true;
  else if (!["0", "false", "no", "off"].includes(gaps)) errors.push(`gaps must be true or false, not "${gaps}"`);
  return { query, errors };
}

/** Filter values the project does not have (a requirement of the other regulation, an element that is gone); they are left out of the query. */
export function unknownFilterValues(input: TraceInput, query: TraceQuery): { query: TraceQuery; errors: string[] } {
  const errors: string[] = [];
  const checked = { ...query };
  const { regulation } = input.model.project;
  if (query.requirement && !annexIRequirements(regulation).some((r) => r.id === query.requirement)) {
    errors.push(`"${query.requirement}" is not an Annex I requirement of MDCG 2019-16 Table 1 for an ${regulation} project`);
    delete checked.requirement;
  }
  if (query.element && ![...input.model.elements, ...input.model.flows].some((e) => e.id === query.element)) {
    errors.push(`the model has no element or flow "${query.element}"`);
    delete checked.element;
  }
  return { query: checked, errors };
}

/** Search parameters for a query (defaults left out; the other direction's filters kept, for switching back), with extra ones such as format. */
export function traceSearch(query: TraceQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (query.direction !== "requirements") params.set("direction", query.direction);
  if (query.requirement) params.set("requirement", query.requirement);
  if (query.element) params.set("element", query.element);
  if (query.status) params.set("status", query.status);
  if (query.gaps) params.set("gaps", "true");
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The filters that apply to the query's direction. */
export function appliedFilter(query: TraceQuery) {
  const requirements = query.direction === "requirements";
  return {
    requirement: (requirements && query.requirement) || null,
    element: (!requirements && query.element) || null,
    status: (!requirements && query.status) || null,
    gaps: query.gaps,
  };
}

export const requirementFilterOf = (query: TraceQuery): RequirementTraceFilter => ({ requirementId: query.requirement, onlyGaps: query.gaps });
export const elementFilterOf = (query: TraceQuery): ElementTraceFilter => ({ targetId: query.element, status: query.status, onlyGaps: query.gaps });

export function traceRows(input: TraceInput, query: TraceQuery) {
  return query.direction === "requirements" ? requirementTrace(input, requirementFilterOf(query)) : elementTrace(input, elementFilterOf(query));
}

export function traceCsv(input: TraceInput, query: TraceQuery): string {
  return query.direction === "requirements" ? requirementTraceCsv(input, requirementFilterOf(query)) : elementTraceCsv(input, elementFilterOf(query));
}

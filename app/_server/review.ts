import type { Actor } from "@/db/users";
import { reviewProject, type Gap } from "@/lib/trace/review";
import { projectTrace } from "./trace";

/** The coverage review of a stored project, each gap with the app page where it is fixed. */
export async function projectReview(actor: Actor, projectId: string) {
  const trace = await projectTrace(actor, projectId);
  if (!trace) return undefined;
  const review = reviewProject(trace.input);
  const { project } = trace.input.model;
  return {
    project: { id: projectId, name: project.name, regulation: project.regulation, revision: trace.revision },
    readiness: review.readiness,
    gaps: review.gaps.map((gap) => ({ ...gap, href: fixHref(projectId, gap.fix) })),
  };
}

/** The app page where a gap is fixed, scrolled to its target where the page has an anchor for it. */
export function fixHref(projectId: string, fix: Gap["fix"]): string {
  const base = `/projects/${encodeURIComponent(projectId)}`;
  const anchor = (prefix = "") => (fix.targetId ? `#${prefix}${encodeURIComponent(fix.targetId)}` : "");
  switch (fix.page) {
    case "model":
      return base;
    case "threats":
      return `${base}/threats?tab=coverage${anchor("coverage-")}`;
    case "threat":
      return fix.targetId ? `${base}/threats/${encodeURIComponent(fix.targetId)}` : `${base}/threats`;
    case "controls":
      return `${base}/controls${anchor()}`;
    case "requirements":
      return `${base}/requirements${anchor()}`;
    case "risks":
      return `${base}/risks`;
    case "details":
      return `${base}/details`;
  }
}

import { projectScope } from "@/db/rule-sets";
import { loadProject } from "@/app/_server/projects";
import { ruleSetRoutes } from "../../../_rules";

export const dynamic = "force-dynamic";

/** The project's own threat rules (YAML); If-Match "0" creates them. */
export const { GET, PUT } = ruleSetRoutes(
  (params) => projectScope(params.id),
  async (params, actor) => ((await loadProject(actor, params.id)) ? undefined : `there is no project "${params.id}"`),
);

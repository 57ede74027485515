import { ORGANISATION_SCOPE } from "@/db/rule-sets";
import { ruleSetRoutes } from "../_rules";

export const dynamic = "force-dynamic";

/** The organisation's own threat rules (YAML), applied to every project; If-Match "0" creates them. */
export const { GET, PUT } = ruleSetRoutes(() => ORGANISATION_SCOPE);

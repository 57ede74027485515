import { ruleSetText } from "../_server/threats";
import { pageActor } from "../_server/pages";
import { ORGANISATION_SCOPE } from "@/db/rule-sets";
import { RuleSetEditor } from "../_components/RuleSetEditor";
import { RuleLibrary } from "../_components/RuleLibrary";
import { EXAMPLE_RULE_FILE } from "@/lib/threats/example-rules";
import { BUILT_IN_RULES, LIBRARY_VERSION } from "@/lib/threats";

export const dynamic = "force-dynamic";

export default async function OrganisationRulesPage() {
  const set = await ruleSetText(await pageActor(), ORGANISATION_SCOPE);
  return (
    <div className="space-y-4">
      <h1>Threat rules</h1>
      <p className="text-sm text-slate-600">
        The built-in library ({BUILT_IN_RULES.length} rules, version {LIBRARY_VERSION}) runs on every project. Rules written here are your organisation&apos;s own and
        also run on every project; a project can add its own on its Rules tab. Rules are data in the same form as the built-in ones and are checked before
        they are saved.
      </p>
      <section className="card">
        <h2 className="mb-2">Organisation rules</h2>
        <RuleSetEditor scope="organisation" initialText={set.text} initialVersion={set.version} example={EXAMPLE_RULE_FILE} />
      </section>
      <h2>Built-in library</h2>
      <RuleLibrary />
    </div>
  );
}

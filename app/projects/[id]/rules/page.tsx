import Link from "next/link";
import { projectForPage } from "@/app/_server/pages";
import { ruleSetText } from "@/app/_server/threats";
import { projectScope } from "@/db/rule-sets";
import { RuleSetEditor } from "@/app/_components/RuleSetEditor";
import { EXAMPLE_RULE_FILE } from "@/lib/threats/example-rules";

export const dynamic = "force-dynamic";

export default async function ProjectRulesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id, actor } = await projectForPage(params);
  const set = await ruleSetText(actor, projectScope(id));
  return (
    <section className="card space-y-2">
      <h2>Project rules</h2>
      <p className="text-sm text-slate-600">
        Rules that apply to this project only, in addition to the built-in library and the <Link href="/rules">organisation rules</Link> (where the
        built-in library and the facts rules can use are listed).
      </p>
      <RuleSetEditor scope={{ projectId: id }} initialText={set.text} initialVersion={set.version} example={EXAMPLE_RULE_FILE} />
    </section>
  );
}

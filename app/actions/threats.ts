"use server";

import { revalidatePath } from "next/cache";
import * as threats from "../_server/threats";
import { readProject } from "../_server/projects";
import { authorize } from "../_server/access";
import { projectScope, ORGANISATION_SCOPE } from "@/db/rule-sets";
import { whyNotRaised, BUILT_IN_RULES } from "@/lib/threats";
import type { TargetKind } from "@/lib/threats/facts";
import { toRecordView } from "../_server/threat-views";
import { asActor } from "./guard";

export async function decideThreatAction(projectId: string, threatId: string, baseVersion: number, decision: { status: string; justification: string }) {
  const outcome = await asActor((actor) => threats.decide(actor, projectId, threatId, baseVersion, decision));
  if (outcome.ok) {
    revalidatePath(`/projects/${projectId}`, "layout");
    return { ok: true as const, record: toRecordView(outcome.record) };
  }
  if (outcome.kind === "conflict") return { ok: false as const, kind: outcome.kind, message: outcome.message, current: toRecordView(outcome.current) };
  return { ok: false as const, kind: outcome.kind, message: outcome.message };
}

export async function threatHistoryAction(projectId: string, threatId: string) {
  const history = await asActor((actor) => threats.historyOf(actor, projectId, threatId));
  return Array.isArray(history) ? history.map((e) => ({ ...e, at: e.at.toISOString() })) : [];
}

export async function whyNotRaisedAction(projectId: string, ruleId: string, kind: TargetKind, targetId: string) {
  const reasons = await asActor(async (actor) => {
    await authorize(actor, projectId, "read");
    const stored = await readProject(projectId);
    if (!stored) return [];
    const custom = await threats.customRulesFor(projectId);
    const rules = [...BUILT_IN_RULES, ...custom.rules];
    const rule = rules.find((r) => r.id === ruleId);
    return rule ? whyNotRaised(stored.model, rules, rule, kind, targetId) : [];
  });
  return Array.isArray(reasons) ? reasons : [];
}

export async function saveRulesAction(scope: "organisation" | { projectId: string }, baseVersion: number, text: string) {
  const key = scope === "organisation" ? ORGANISATION_SCOPE : projectScope(scope.projectId);
  const outcome = await asActor((actor) => threats.saveRules(actor, key, baseVersion, text));
  if (outcome.ok) revalidatePath("/", "layout");
  return outcome;
}

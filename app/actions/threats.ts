"use server";

import { revalidatePath } from "next/cache";
import * as threats from "../_server/threats";
import { loadProject } from "../_server/projects";
import { projectScope, ORGANISATION_SCOPE } from "@/db/rule-sets";
import { whyNotRaised, BUILT_IN_RULES } from "@/lib/threats";
import type { TargetKind } from "@/lib/threats/facts";
import { toRecordView } from "../_server/threat-views";

export async function decideThreatAction(projectId: string, threatId: string, baseVersion: number, decision: { status: string; justification: string }) {
  const outcome = await threats.decide(projectId, threatId, baseVersion, decision);
  if (outcome.ok) {
    revalidatePath(`/projects/${projectId}`, "layout");
    return { ok: true as const, record: toRecordView(outcome.record) };
  }
  if (outcome.kind === "conflict") return { ok: false as const, kind: outcome.kind, message: outcome.message, current: toRecordView(outcome.current) };
  return { ok: false as const, kind: outcome.kind, message: outcome.message };
}

export async function threatHistoryAction(projectId: string, threatId: string) {
  return (await threats.historyOf(projectId, threatId)).map((e) => ({ ...e, at: e.at.toISOString() }));
}

export async function whyNotRaisedAction(projectId: string, ruleId: string, kind: TargetKind, targetId: string) {
  const stored = await loadProject(projectId);
  if (!stored) return [];
  const custom = await threats.customRulesFor(projectId);
  const rules = [...BUILT_IN_RULES, ...custom.rules];
  const rule = rules.find((r) => r.id === ruleId);
  return rule ? whyNotRaised(stored.model, rules, rule, kind, targetId) : [];
}

export async function saveRulesAction(scope: "organisation" | { projectId: string }, baseVersion: number, text: string) {
  const key = scope === "organisation" ? ORGANISATION_SCOPE : projectScope(scope.projectId);
  const outcome = await threats.saveRules(key, baseVersion, text);
  if (outcome.ok) revalidatePath("/", "layout");
  return outcome;
}

import type { Model } from "../../../lib/model/schema";
import { validateModelText } from "../../../lib/model/validate";
import { validateProjectText } from "../../../lib/project/file";
import { analyzeModel, type ThreatRule } from "../../../lib/threats";
import { parseRuleFile } from "../../../lib/threats/custom-rules";

/**
 * The work a request may hand to a worker thread: plain lib calls on plain data, so input and
 * result cross between threads by structured clone. `hold` only exists for the tests of the pool.
 */
export const TASKS = {
  validateModelText: (input: { text: string }) => validateModelText(input.text),
  validateProjectText: (input: { text: string }) => validateProjectText(input.text),
  parseRuleFile: (input: { text: string; otherIds: string[] }) => parseRuleFile(input.text, input.otherIds),
  analyze: (input: { model: Model; rules: ThreatRule[] }) => analyzeModel(input.model, input.rules),
  hold: (input: { megabytes: number; milliseconds: number }) => {
    const kept: number[][] = [];
    for (let i = 0; i < input.megabytes; i++) kept.push(new Array(131072).fill(i));
    const until = Date.now() + input.milliseconds;
    while (Date.now() < until);
    return kept.length;
  },
};

export type TaskName = keyof typeof TASKS;
export type TaskInput<K extends TaskName> = Parameters<(typeof TASKS)[K]>[0];
export type TaskOutput<K extends TaskName> = ReturnType<(typeof TASKS)[K]>;

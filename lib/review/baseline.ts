import { createHash } from "node:crypto";
import { z } from "zod";
import type { FileFormat } from "../model/format";
import { serializeProject, validateProjectText, type ProjectFile } from "../project/file";
import type { Threat } from "../threats";
import type { ProjectDiff } from "../trace/diff";

/**
 * A baseline is an immutable, named snapshot of a whole project. Its content is one JSON text:
 * the project file (architecture and assessment, canonical YAML), the custom rule texts in force,
 * the threat library version and the threats those rules raised. The content hash is the SHA-256
 * of exactly that text, so anyone can check a downloaded baseline against a sign-off.
 */

export const BASELINE_FORMAT = 1;

export interface BaselineRules {
  organisation: string;
  project: string;
}

export interface BaselineSnapshot {
  revision: number;
  libraryVersion: string;
  rules: BaselineRules;
  file: ProjectFile;
  threats: Threat[];
}

export function writeBaselineContent(s: BaselineSnapshot): string {
  const content = {
    medthreatBaseline: BASELINE_FORMAT,
    revision: s.revision,
    libraryVersion: s.libraryVersion,
    rules: { organisation: s.rules.organisation, project: s.rules.project },
    project: serializeProject(s.file, "yaml"),
    threats: s.threats,
  };
  return JSON.stringify(content, null, 2) + "\n";
}

const StoredContent = z.object({
  medthreatBaseline: z.literal(BASELINE_FORMAT),
  revision: z.number().int().positive(),
  libraryVersion: z.string(),
  rules: z.object({ organisation: z.string(), project: z.string() }),
  project: z.string(),
  threats: z.array(z.looseObject({ id: z.string(), title: z.string() })),
});

export type BaselineRead = ({ ok: true } & BaselineSnapshot) | { ok: false; message: string };

export function readBaselineContent(text: string): BaselineRead {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `the baseline content is not JSON: ${(e as Error).message}` };
  }
  const parsed = StoredContent.safeParse(raw);
  if (!parsed.success) return { ok: false, message: `the baseline content is not a medthreat baseline: ${parsed.error.issues[0]?.message}` };
  const project = validateProjectText(parsed.data.project);
  if (!project.ok) return { ok: false, message: `the project file in the baseline is not valid: ${project.errors[0]?.message}` };
  return {
    ok: true,
    revision: parsed.data.revision,
    libraryVersion: parsed.data.libraryVersion,
    rules: parsed.data.rules,
    file: { model: project.model, assessment: project.assessment },
    threats: parsed.data.threats as unknown as Threat[],
  };
}

/** The project file of a baseline in the format asked for; YAML is the stored text itself. */
export function baselineProjectText(content: string, format: FileFormat): string | undefined {
  const read = readBaselineContent(content);
  if (!read.ok) return undefined;
  return format === "yaml" ? (JSON.parse(content) as { project: string }).project : serializeProject(read.file, "json");
}

export const contentHash = (content: string) => createHash("sha256").update(content, "utf8").digest("hex");

export const BaselineName = z
  .string({ error: "name the baseline" })
  .trim()
  .min(1, "name the baseline, e.g. “Design review 1”")
  .max(120, "a baseline name is at most 120 characters");

export const DEFAULT_SIGN_OFF_STATEMENT = "I have reviewed the threat model and cybersecurity risk assessment in this baseline and approve them.";

export const SignOffInput = z.strictObject({
  statement: z.string({ error: "write what you sign off" }).trim().min(10, "the statement needs at least 10 characters").max(2000, "the statement is at most 2000 characters"),
});

export interface WorkingCopyStatus {
  changed: boolean;
  /** Semantic differences between the baseline and the working copy. */
  changes: number;
  rulesChanged: boolean;
  libraryChanged: boolean;
  text: string;
}

/**
 * Whether the working copy has moved on from a baseline: the semantic diff baseline → working copy,
 * plus whether the custom rule texts or the threat library version differ from those in force then.
 */
export function workingCopyStatus(diff: ProjectDiff, context: { rulesChanged?: boolean; libraryChanged?: boolean } = {}): WorkingCopyStatus {
  const changes = diff.changes.length;
  const rulesChanged = !!context.rulesChanged;
  const libraryChanged = !!context.libraryChanged;
  const reasons = [
    ...(changes ? [`${changes} change${changes === 1 ? "" : "s"}`] : []),
    ...(rulesChanged ? ["custom rules edited"] : []),
    ...(libraryChanged ? ["threat library updated"] : []),
  ];
  if (!reasons.length) return { changed: false, changes, rulesChanged, libraryChanged, text: "unchanged since baseline" };
  return { changed: true, changes, rulesChanged, libraryChanged, text: `working copy has changed since this baseline (${reasons.join(", ")})` };
}

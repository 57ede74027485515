/**
 * Which version of a project a diff side means: the working copy (current model and assessment),
 * a saved model revision, or a baseline. Written as `current`, `revision:<n>` or `baseline:<id>`.
 */
export type VersionRef = { kind: "current" } | { kind: "revision"; revision: number } | { kind: "baseline"; id: string };

export function parseVersionRef(text: string | null | undefined): VersionRef | undefined {
  const value = (text ?? "").trim();
  if (value === "current") return { kind: "current" };
  const revision = /^revision:([1-9]\d{0,8})$/.exec(value);
  if (revision) return { kind: "revision", revision: Number(revision[1]) };
  const baseline = /^baseline:([\w-]{1,100})$/.exec(value);
  if (baseline) return { kind: "baseline", id: baseline[1] };
  return undefined;
}

export function formatVersionRef(ref: VersionRef): string {
  return ref.kind === "current" ? "current" : ref.kind === "revision" ? `revision:${ref.revision}` : `baseline:${ref.id}`;
}

export const VERSION_REF_HELP = 'use "current", "revision:<number>" or "baseline:<id>"';

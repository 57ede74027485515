export type Severity = "error" | "warning";

export type PathSegment = string | number;

export interface ModelIssue {
  severity: Severity;
  /** Where in the file, as `flows[3].to`; `(file)` for problems with the file as a whole. */
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out || "(root)";
}

export function formatIssue(issue: ModelIssue): string {
  const where = issue.line ? ` (line ${issue.line}, column ${issue.column ?? 1})` : "";
  return `${issue.path}: ${issue.message}${where}`;
}

export class ModelError extends Error {
  constructor(
    public readonly issues: ModelIssue[],
    summary = "the model is not valid",
  ) {
    super(`${summary}: ${issues.map(formatIssue).join("; ")}`);
    this.name = "ModelError";
  }
}

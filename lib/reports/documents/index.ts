import type { DocumentId, ReportDocument } from "../document";
import type { ReportInput } from "../input";
import { build as annexIChecklist } from "./annex-i-checklist";
import { build as fdaArchitectureViews } from "./fda-architecture-views";
import { build as ifuSecurity } from "./ifu-security";
import { build as mds2 } from "./mds2";
import { build as riskManagementReport } from "./risk-management-report";
import { build as threatModel } from "./threat-model";

/** The builder of each document. */
export const BUILDERS: Record<DocumentId, (input: ReportInput) => ReportDocument> = {
  "risk-management-report": riskManagementReport,
  "threat-model": threatModel,
  "annex-i-checklist": annexIChecklist,
  "ifu-security": ifuSecurity,
  mds2,
  "fda-architecture-views": fdaArchitectureViews,
};

export function buildDocument(id: DocumentId, input: ReportInput): ReportDocument {
  const builder = BUILDERS[id];
  if (!builder) throw new Error(`unknown document "${id}"`);
  return builder(input);
}

import type { ThreatRecord, ThreatState } from "@/db/threats";
import type { ThreatStatus } from "@/lib/threats/decision";

/** A threat record as the browser sees it (dates as ISO strings). */
export interface RecordView {
  threatId: string;
  status: ThreatStatus;
  justification: string;
  decidedBy: string | null;
  decidedAt: string | null;
  version: number;
  firstSeenRevision: number;
  obsoleteSinceRevision: number | null;
}

export function toRecordView(r: ThreatState): RecordView {
  return {
    threatId: r.threatId,
    status: r.status as ThreatStatus,
    justification: r.justification,
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
    version: r.version,
    firstSeenRevision: r.firstSeenRevision,
    obsoleteSinceRevision: r.obsoleteSinceRevision,
  };
}

/** An obsolete threat: what it was when last found, with its last decision. */
export interface ObsoleteView extends RecordView {
  title: string;
  stride: string;
  targetId: string;
  targetName: string;
  description: string;
}

export function toObsoleteView(r: ThreatRecord): ObsoleteView {
  const snapshot = JSON.parse(r.snapshot) as { description: string; targetName: string };
  return { ...toRecordView(r), title: r.title, stride: r.stride, targetId: r.targetId, targetName: snapshot.targetName, description: snapshot.description };
}

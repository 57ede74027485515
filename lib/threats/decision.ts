import { z } from "zod";

/** What a team decided about a threat. Every status but "open" needs a justification. */
export const THREAT_STATUSES = ["open", "mitigated", "accepted", "transferred", "not-applicable"] as const;
export type ThreatStatus = (typeof THREAT_STATUSES)[number];

export const STATUS_LABELS: Record<ThreatStatus, string> = {
  open: "Open",
  mitigated: "Mitigated",
  accepted: "Accepted",
  transferred: "Transferred",
  "not-applicable": "Not applicable",
};

export const Decision = z
  .strictObject({
    status: z.enum(THREAT_STATUSES),
    justification: z.string().trim().max(5000).default(""),
  })
  .refine((d) => d.status === "open" || d.justification.length >= 10, {
    error: "a justification (at least 10 characters) is required for every status but open",
    path: ["justification"],
  });
export type Decision = z.infer<typeof Decision>;

import type { Command } from "../command";
import { onePositional } from "../command";
import { scoreVector } from "../../risk/cvss";

export const cvss: Command = {
  name: "cvss",
  summary: "score a CVSS 3.0, 3.1 or 4.0 vector",
  usage: 'medthreat cvss "<vector>"',
  details:
    'Prints one JSON object: version, the normalised vector (metrics in spec order, X values dropped), score, severity, baseScore, and nomenclature (4.0) or exploitability (3.x). Exit 1 with the reason on stderr when the vector is not valid. Example: medthreat cvss "CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N/MSI:S"',
  options: {},
  async run(ctx) {
    const result = scoreVector(onePositional(ctx, "CVSS vector"));
    if (!result.ok) {
      ctx.io.err(`medthreat cvss: ${result.reason}`);
      return 1;
    }
    const { ok: _, metrics: __, ...printed } = result;
    ctx.io.out(JSON.stringify(printed, null, 2));
    return 0;
  },
};

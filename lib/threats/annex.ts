import { annexIById } from "../catalog";
import type { Regulation } from "../model/vocabulary";

/**
 * Rules cite MDR Annex I ids; an IVDR project gets the IVDR requirement on the same MDCG 2019-16
 * Table 1 row, and none where the row has no IVDR counterpart (MDR 18.8, 22.1, 23.4(g)).
 */
export function annexIForRegulation(ids: readonly string[], regulation: Regulation): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const entry = annexIById(id);
    if (!entry) continue;
    if (entry.regulation === regulation) out.push(entry.id);
    else if (entry.regulation === "MDR" && entry.ivdrEquivalent) out.push(entry.ivdrEquivalent);
    else if (entry.regulation === "IVDR") out.push(entry.mdrEquivalent);
  }
  return [...new Set(out)];
}

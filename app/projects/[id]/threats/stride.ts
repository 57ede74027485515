import { STRIDE_CATEGORIES, STRIDE_THREAT_CATEGORIES } from "@/lib/catalog/stride";

export const STRIDE_ORDER: readonly string[] = STRIDE_CATEGORIES;
export const STRIDE_NAMES: Record<string, string> = Object.fromEntries(STRIDE_THREAT_CATEGORIES.map((s) => [s.id, s.name]));

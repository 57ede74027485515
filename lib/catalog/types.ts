/** How well a catalogue fact is backed, in the terms of the domain reference (reference.md). */
export type Verification = "verified" | "secondary" | "unverified";

/** [V] verified against the primary text, [V2] through a secondary source, [U] not verified. */
export const VERIFICATION_MARKERS: Record<Verification, string> = {
  verified: "[V]",
  secondary: "[V2]",
  unverified: "[U]",
};

/** Fields every catalogue entry has. */
export interface CatalogEntry {
  /** Stable, human-readable; never reused for another meaning. */
  readonly id: string;
  /** Citation of the document and section the entry comes from. */
  readonly source: string;
  /** Verification of the entry itself (that it is in the list, its name, its section). */
  readonly verification: Verification;
  /** Short plain-English paraphrase, never a quotation. */
  readonly paraphrase: string;
  /** Set when the paraphrase rests on weaker evidence than the entry itself. */
  readonly meaningVerification?: Verification;
  readonly note?: string;
}

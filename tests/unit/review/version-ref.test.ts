import { describe, expect, it } from "vitest";
import { formatVersionRef, parseVersionRef } from "@/lib/review/version-ref";

describe("version references", () => {
  it("reads the working copy, a revision and a baseline, and writes them back", () => {
    for (const text of ["current", "revision:12", "baseline:Ab_3-x"]) expect(formatVersionRef(parseVersionRef(text)!)).toBe(text);
    expect(parseVersionRef("revision:3")).toEqual({ kind: "revision", revision: 3 });
    expect(parseVersionRef("baseline:abc")).toEqual({ kind: "baseline", id: "abc" });
  });

  it("refuses anything else", () => {
    for (const text of ["", "latest", "revision:0", "revision:-1", "revision:1.5", "baseline:", "baseline:a/b", "baseline:../x", undefined, null])
      expect(parseVersionRef(text), String(text)).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { COMMENT_MAX_LENGTH, CommentInput, CommentResolution, mayResolve, unresolvedCount } from "@/lib/review/comments";

describe("comment input", () => {
  it("accepts a comment on a threat and trims it", () => {
    const parsed = CommentInput.parse({ targetType: "threat", targetId: " spoofing@pump ", body: "  Is the BLE pairing really just-works?  " });
    expect(parsed).toEqual({ targetType: "threat", targetId: "spoofing@pump", body: "Is the BLE pairing really just-works?" });
  });

  it("refuses an empty body, a body over the limit, an unknown target type and extra keys", () => {
    expect(CommentInput.safeParse({ targetType: "control", targetId: "c1", body: "   " }).success).toBe(false);
    expect(CommentInput.safeParse({ targetType: "control", targetId: "c1", body: "x".repeat(COMMENT_MAX_LENGTH + 1) }).success).toBe(false);
    expect(CommentInput.safeParse({ targetType: "control", targetId: "c1", body: "x".repeat(COMMENT_MAX_LENGTH) }).success).toBe(true);
    expect(CommentInput.safeParse({ targetType: "diagram", targetId: "d1", body: "hi" }).success).toBe(false);
    expect(CommentInput.safeParse({ targetType: "control", targetId: "c1", body: "hi", authorId: "someone" }).success).toBe(false);
  });

  it("needs a boolean to resolve", () => {
    expect(CommentResolution.safeParse({ resolved: true }).success).toBe(true);
    expect(CommentResolution.safeParse({ resolved: "yes" }).success).toBe(false);
  });
});

describe("who may resolve", () => {
  it("lets the author resolve their own comment and a reviewer anyone's", () => {
    expect(mayResolve({ authorId: "a" }, "a", false)).toBe(true);
    expect(mayResolve({ authorId: "a" }, "b", false)).toBe(false);
    expect(mayResolve({ authorId: "a" }, "b", true)).toBe(true);
  });

  it("counts unresolved comments", () => {
    expect(unresolvedCount([{ resolvedAt: null }, { resolvedAt: new Date() }, { resolvedAt: null }])).toBe(2);
  });
});

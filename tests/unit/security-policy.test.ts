import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, crossSiteRefusal, sameSitePath } from "@/lib/security/policy";

const headers = (h: Record<string, string>) => new Headers(h);
const url = "http://medthreat.local:3000/api/projects";

describe("content security policy", () => {
  it("allows scripts only from the app or with the nonce, inline styles for Mermaid, and no framing", () => {
    const csp = contentSecurityPolicy("abc123");
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(contentSecurityPolicy("n", true)).toContain("'unsafe-eval'");
  });
});

describe("cross-site request check", () => {
  it("lets reads through whatever their origin", () => {
    expect(crossSiteRefusal("GET", url, headers({ origin: "https://evil.example", "sec-fetch-site": "cross-site" }))).toBeUndefined();
  });

  it("refuses state-changing browser requests from another site", () => {
    expect(crossSiteRefusal("POST", url, headers({ "sec-fetch-site": "cross-site" }))).toMatch(/cross-site/);
    expect(crossSiteRefusal("DELETE", url, headers({ "sec-fetch-site": "same-site" }))).toMatch(/same-site/);
    expect(crossSiteRefusal("PUT", url, headers({ host: "medthreat.local:3000", origin: "https://evil.example" }))).toMatch(/evil\.example/);
    expect(crossSiteRefusal("PATCH", url, headers({ host: "medthreat.local:3000", origin: "null" }))).toMatch(/opaque/);
  });

  it("does not let any other Authorization header stand in for an API token", () => {
    for (const authorization of ["Basic YTpi", "Bearer", "Bearer not-a-medthreat-token", "x", "Bearer mt_x extra"])
      expect(crossSiteRefusal("POST", url, headers({ authorization, origin: "https://evil.example", "sec-fetch-site": "cross-site" })), authorization).toMatch(/cross-site/);
  });

  it("accepts same-origin browser requests and requests with an API token", () => {
    expect(crossSiteRefusal("POST", url, headers({ "sec-fetch-site": "same-origin", origin: "http://medthreat.local:3000", host: "medthreat.local:3000" }))).toBeUndefined();
    expect(crossSiteRefusal("POST", url, headers({ host: "medthreat.local:3000", origin: "http://medthreat.local:3000" }))).toBeUndefined();
    expect(crossSiteRefusal("POST", url, headers({ authorization: "Bearer mt_x", origin: "https://ci.example", "sec-fetch-site": "cross-site" }))).toBeUndefined();
    expect(crossSiteRefusal("POST", url, headers({}))).toBeUndefined();
  });
});

describe("viewing a generated document", () => {
  it("is recognised only for an HTML file of a report job with inline=1, and gets a sandbox without scripts", async () => {
    const { isDocumentView, DOCUMENT_VIEW_CONTENT_SECURITY_POLICY } = await import("@/lib/security/policy");
    expect(isDocumentView("/api/projects/p1/reports/j1/files/threat-model.html", "?inline=1")).toBe(true);
    expect(isDocumentView("/api/projects/p1/reports/j1/files/threat-model.html", "")).toBe(false);
    expect(isDocumentView("/api/projects/p1/reports/j1/files/threat-model.pdf", "?inline=1")).toBe(false);
    expect(isDocumentView("/api/projects/p1/export", "?inline=1")).toBe(false);
    expect(DOCUMENT_VIEW_CONTENT_SECURITY_POLICY).toContain("sandbox");
    expect(DOCUMENT_VIEW_CONTENT_SECURITY_POLICY).not.toMatch(/script-src/);
  });
});

describe("where sign-in sends the user", () => {
  it.each([
    ["/projects/abc/threats", "/projects/abc/threats"],
    ["/projects/abc?tab=coverage#x", "/projects/abc?tab=coverage#x"],
    ["/", "/"],
  ])("keeps a path on this site: %s", (next, expected) => expect(sameSitePath(next)).toBe(expected));

  it.each([
    ["/\\evil.example", "a backslash the parser reads as a slash"],
    ["/\t/evil.example", "a tab the parser drops (%09)"],
    ["/\n/evil.example", "a line break the parser drops"],
    ["//evil.example/x", "a protocol-relative URL"],
    ["/.//evil.example", "a dot segment that leaves two slashes"],
    ["https://evil.example/", "an absolute URL"],
    ["javascript:alert(1)", "a script URL"],
    ["projects", "a relative path"],
    ["", "nothing"],
  ])("sends %j to / (%s)", (next) => {
    const path = sameSitePath(next);
    expect(path).toBe("/");
    expect(new URL(path, "https://medthreat.example").host).toBe("medthreat.example");
  });

  it("sends anything that is not text to /", () => {
    expect(sameSitePath(undefined)).toBe("/");
    expect(sameSitePath(null)).toBe("/");
  });
});

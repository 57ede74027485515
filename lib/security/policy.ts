/**
 * HTTP security policy of the app: the Content Security Policy of pages and the cross-site
 * request check for state-changing API requests. Plain functions so proxy.ts stays a thin adapter.
 */

/**
 * Scripts only from the app itself or carrying this response's nonce (so no inline script can come
 * from user data); styles may be inline because Mermaid writes a <style> element into each diagram's SVG.
 */
export function contentSecurityPolicy(nonce: string, development = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** API responses are data, never documents to render or frame. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** A generated HTML document viewed in the browser: its own inline styles and diagrams, nothing that runs, in a sandbox. */
export const DOCUMENT_VIEW_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; sandbox";

/** Whether an API request asks to view a generated HTML document in the browser (…/reports/<job>/files/<name>.html?inline=1). */
export const isDocumentView = (pathname: string, search: string) =>
  /^\/api\/projects\/[^/]+\/reports\/[^/]+\/files\/[^/]+\.html$/.test(pathname) && new URLSearchParams(search).get("inline") === "1";

/** Headers every response carries (set in next.config.ts, so static files get them too). */
export const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), usb=(), bluetooth=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** An API token in an Authorization header: `Bearer mt_…`. The server then reads no cookie at all. */
export const bearerToken = (authorization: string | null): string | undefined => /^Bearer\s+(mt_[A-Za-z0-9_-]+)$/i.exec(authorization?.trim() ?? "")?.[1];

/**
 * Why a request must be refused as a cross-site request forgery, or undefined when it may pass.
 * Requests that authenticate with an API token carry no ambient credentials and pass; a
 * state-changing request from a browser must come from this origin (Sec-Fetch-Site, else Origin).
 * Any other Authorization header counts for nothing here.
 */
export function crossSiteRefusal(method: string, url: string, headers: { get(name: string): string | null }): string | undefined {
  if (SAFE_METHODS.has(method.toUpperCase())) return undefined;
  if (bearerToken(headers.get("authorization"))) return undefined;
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return `a ${site} request may not change anything here`;
  const origin = headers.get("origin");
  if (origin && origin !== "null") {
    const expected = new URL(url);
    const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? expected.host;
    let actual: URL;
    try {
      actual = new URL(origin);
    } catch {
      return "the request's Origin header is not a valid origin";
    }
    if (actual.host !== host) return `requests from ${actual.origin} may not change anything here`;
  } else if (origin === "null") return "requests from an opaque origin may not change anything here";
  return undefined;
}

/**
 * Where to send a user after signing in: the path, query and fragment of `next` when it is a path on
 * this site, otherwise "/". Checked after URL parsing, so `/\\evil.example`, `/%09/evil.example` (a
 * tab the parser drops) or `/.//evil.example` cannot become another host.
 */
export function sameSitePath(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/")) return "/";
  const base = new URL("http://medthreat.invalid/");
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return "/";
  }
  if (url.origin !== base.origin || url.pathname.startsWith("//")) return "/";
  return url.pathname + url.search + url.hash;
}

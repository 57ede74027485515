import { NextResponse, type NextRequest } from "next/server";
import { API_CONTENT_SECURITY_POLICY, DOCUMENT_VIEW_CONTENT_SECURITY_POLICY, contentSecurityPolicy, crossSiteRefusal, isDocumentView } from "@/lib/security/policy";

/**
 * Runs before every page and API request: refuses cross-site state-changing API requests (CSRF),
 * gives each page a Content Security Policy with a fresh script nonce, and tells pages their path
 * (for the sign-in page's return address).
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/api/")) {
    const refusal = crossSiteRefusal(request.method, request.url, request.headers);
    if (refusal)
      return NextResponse.json(
        { type: "https://medthreat.dev/problems/cross-site-request", title: "Cross-site request refused", status: 403, detail: refusal },
        { status: 403, headers: { "content-type": "application/problem+json", "content-security-policy": API_CONTENT_SECURITY_POLICY } },
      );
    const response = NextResponse.next();
    response.headers.set("content-security-policy", isDocumentView(pathname, search) ? DOCUMENT_VIEW_CONTENT_SECURITY_POLICY : API_CONTENT_SECURITY_POLICY);
    return response;
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-medthreat-path", pathname + search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};

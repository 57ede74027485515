import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./lib/security/policy";

/**
 * Bodies pass the proxy (proxy.ts) whole up to 34 MiB; the framework cuts anything longer to that
 * size (10 MiB by default, which silently truncated uploads). Routes refuse bodies over the 32 MiB
 * model limit with 413 and server actions refuse over 33 MiB (a 32 MiB file plus its form), so a cut
 * body is always refused, never read.
 */
const nextConfig: NextConfig = {
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: "33mb" },
    proxyClientMaxBodySize: "34mb",
  },
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;

import { describe, expect, it } from "vitest";
import { clientAddress, trustedProxies } from "@/app/_server/client-address";

const from = (peer: string | undefined, forwardedFor?: string) => {
  const headers = new Headers();
  if (peer !== undefined) headers.set("x-medthreat-peer", peer);
  if (forwardedFor !== undefined) headers.set("x-forwarded-for", forwardedFor);
  return headers;
};

describe("the client a request comes from", () => {
  it("is the connection's address when it does not come from a trusted proxy, whatever X-Forwarded-For says", () => {
    const none = trustedProxies("");
    expect(clientAddress(from("203.0.113.7", "1.2.3.4"), none)).toBe("203.0.113.7");
    expect(clientAddress(from("::ffff:203.0.113.7", "1.2.3.4"), none)).toBe("203.0.113.7");
    expect(clientAddress(from("203.0.113.7", "1.2.3.4"), trustedProxies("10.0.0.0/8"))).toBe("203.0.113.7");
  });

  it("behind trusted proxies, is the rightmost forwarded address that is not one of them", () => {
    const proxies = trustedProxies("127.0.0.1, 10.0.0.0/8");
    expect(clientAddress(from("127.0.0.1", "198.51.100.4"), proxies)).toBe("198.51.100.4");
    expect(clientAddress(from("127.0.0.1", "6.6.6.6, 198.51.100.4, 10.1.2.3"), proxies)).toBe("198.51.100.4");
    expect(clientAddress(from("10.0.0.5", "10.0.0.9"), proxies)).toBe("10.0.0.9");
    expect(clientAddress(from("127.0.0.1"), proxies)).toBe("127.0.0.1");
  });

  it("counts an IPv6 client by its /64 network", () => {
    const none = trustedProxies("");
    expect(clientAddress(from("2001:db8:1:2:aaaa::1"), none)).toBe("2001:db8:1:2::/64");
    expect(clientAddress(from("2001:db8:1:2:bbbb:cccc:dddd:eeee"), none)).toBe("2001:db8:1:2::/64");
    expect(clientAddress(from("2001:db8::1"), none)).toBe("2001:db8:0:0::/64");
  });

  it("is unknown without the server's connection address (a server not started with npm start)", () => {
    expect(clientAddress(from(undefined, "1.2.3.4"), trustedProxies(""))).toBe("unknown");
  });

  it("refuses a trusted-proxy setting that is not an address or range", () => {
    expect(() => trustedProxies("10.0.0.0/8, proxy.internal")).toThrow(/"proxy.internal" is not an IP address or CIDR range/);
  });
});

import { BlockList, isIP } from "node:net";

/**
 * Which client a request comes from, for limits such as failed sign-ins. The address of the
 * connection comes from the server (x-medthreat-peer, see scripts/serve.mjs); X-Forwarded-For is read
 * only when that connection comes from a proxy listed in MEDTHREAT_TRUSTED_PROXIES (addresses or
 * CIDR ranges, comma-separated), and then from the right, skipping the trusted proxies. An IPv6
 * client counts by its /64 network, which one household or host usually holds whole.
 */
export function clientAddress(headers: { get(name: string): string | null }, trusted = trustedProxies()): string {
  const peer = plain(headers.get("x-medthreat-peer") ?? "");
  if (!peer) return "unknown";
  if (!isTrusted(trusted, peer)) return clientKey(peer);
  const chain = (headers.get("x-forwarded-for") ?? "").split(",").map((a) => plain(a.trim())).filter((a) => isIP(a));
  for (let i = chain.length - 1; i >= 0; i--) if (!isTrusted(trusted, chain[i])) return clientKey(chain[i]);
  return clientKey(chain[0] ?? peer);
}

/** The proxies whose X-Forwarded-For is believed: MEDTHREAT_TRUSTED_PROXIES, e.g. "127.0.0.1, 10.0.0.0/8". */
export function trustedProxies(setting = process.env.MEDTHREAT_TRUSTED_PROXIES ?? ""): BlockList {
  const list = new BlockList();
  for (const entry of setting.split(",").map((e) => e.trim()).filter(Boolean)) {
    const [address, bits] = entry.split("/");
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (!isIP(address)) throw new Error(`MEDTHREAT_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return list;
}

/** An IPv4 address written as IPv6 (::ffff:1.2.3.4) is the IPv4 address. */
const plain = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");

const isTrusted = (list: BlockList, address: string) => isIP(address) !== 0 && list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");

function clientKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const groups = expandIpv6(address);
  return groups ? `${groups.slice(0, 4).join(":")}::/64` : address;
}

function expandIpv6(address: string): string[] | undefined {
  const [head, tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail !== undefined && tail ? tail.split(":") : [];
  if (right.some((g) => g.includes(".")) || left.some((g) => g.includes("."))) return undefined;
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 0) return undefined;
  return [...left, ...Array(tail === undefined ? 0 : missing).fill("0"), ...right].map((g) => g.toLowerCase().replace(/^0+(?=.)/, ""));
}

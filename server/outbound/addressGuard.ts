/**
 * Where a webhook or robot may point (SSRF): http(s) only, no user name or password in the URL,
 * and never a private, loopback, link-local or otherwise internal address unless the operator
 * allows it (OUTBOUND_ALLOW_PRIVATE, OUTBOUND_ALLOW_HOSTS; server/config.ts). A name is checked
 * when the integration is added and again on every send, against the very addresses the socket
 * connects to (`guardedLookup`), so a name that later resolves inside (DNS rebinding) is refused.
 */
import { BlockList, isIP } from 'node:net';
import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import type { Config } from '../config';

export type AddressPolicy = Pick<Config, 'outboundAllowPrivate' | 'outboundAllowHosts'>;

/** Why a URL is refused: a code the dialog translates. */
export type UrlRefusal = 'invalid-url' | 'blocked-address' | 'unresolvable-host';

const internal = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4]
] as const) {
  internal.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96]
] as const) {
  internal.addSubnet(net, bits, 'ipv6');
}

/** True for an address no integration may reach by default (IPv4-mapped IPv6 read as its IPv4). */
export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return internal.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return internal.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

function allowed(policy: AddressPolicy, host: string, address: string): boolean {
  if (policy.outboundAllowPrivate) return true;
  const hosts = policy.outboundAllowHosts;
  return hosts.includes(host.toLowerCase()) || hosts.includes(address.toLowerCase());
}

/** The URL parsed, or the reason it can never be sent to (scheme, credentials, shape). */
export function parseTarget(raw: string): URL | 'invalid-url' {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'invalid-url';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'invalid-url';
  if (url.username || url.password || !url.hostname) return 'invalid-url';
  return url;
}

/** The host without IPv6 brackets. */
export const bareHost = (url: URL): string => url.hostname.replace(/^\[|\]$/g, '');

/** Checks the URL as the next send would: its shape, then every address its host resolves to. */
export async function checkTarget(raw: string, policy: AddressPolicy): Promise<UrlRefusal | null> {
  const url = parseTarget(raw);
  if (url === 'invalid-url') return url;
  const host = bareHost(url);
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await dns.promises.lookup(host, { all: true })).map((a) => a.address);
    } catch {
      return 'unresolvable-host';
    }
  }
  return addresses.every((a) => !isInternalAddress(a) || allowed(policy, host, a)) ? null : 'blocked-address';
}

/** Refused for an address literal in the URL, which the socket connects to without a lookup. */
export function literalRefused(url: URL, policy: AddressPolicy): boolean {
  const host = bareHost(url);
  return isIP(host) !== 0 && isInternalAddress(host) && !allowed(policy, host, host);
}

/** A socket lookup that resolves as usual and fails with `blocked-address` for an internal answer. */
export function guardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, found) => {
      if (error) return callback(error, '', 0);
      const list = found as dns.LookupAddress[];
      const bad = list.find((a) => isInternalAddress(a.address) && !allowed(policy, hostname, a.address));
      if (bad || list.length === 0) {
        const refused = Object.assign(new Error(`blocked address for ${hostname}`), {
          code: 'blocked-address'
        });
        return callback(refused, '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

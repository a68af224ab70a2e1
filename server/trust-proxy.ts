import type { IncomingMessage } from 'node:http';
import net from 'node:net';
import proxyAddr from '@fastify/proxy-addr';

/**
 * Whom the server believes about a client's address (Fastify's `trustProxy`): nobody (false: the socket's peer is the
 * client), the proxies at these addresses or networks (X-Forwarded-For read from the right, past them), or the
 * number of proxies in front (the last `hops` entries). Never "everything": then X-Forwarded-For's left-most entry,
 * which the client writes itself, would be its address, and any client could pick one per request.
 */
export type TrustProxy = false | number | string[];

/** More proxies in a row than any deployment has: a larger count would trust what the client wrote. */
const MAX_HOPS = 5;

/** Names proxy-addr knows: 127.0.0.1/8 and ::1, link-local, and private networks. */
const NAMED = ['loopback', 'linklocal', 'uniquelocal'];

/** An address, or a network no wider than /8 (IPv4) or /16 (IPv6): 10.0.0.0/8 is a proxy tier, 0.0.0.0/0 is anyone. */
function proxyEntryError(entry: string): string | null {
  if (NAMED.includes(entry)) return null;
  const [address, prefix, ...rest] = entry.split('/');
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return `"${entry}" is not an address or a network`;
  if (prefix === undefined) return null;
  const bits = Number(prefix);
  const widest = family === 4 ? 8 : 16;
  const longest = family === 4 ? 32 : 128;
  if (!/^\d+$/.test(prefix) || bits > longest) return `"${entry}" has no valid prefix length`;
  if (bits < widest) return `"${entry}" is too wide: it would trust clients, not proxies`;
  return null;
}

/**
 * TRUST_PROXY as set: unset or "false" (no proxy), a hop count (1–5), or a comma-separated list of the proxies'
 * addresses or networks (`127.0.0.1`, `10.0.0.0/8`, `loopback`). "true", "*" and networks as wide as the Internet
 * are refused: they trust the client.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy | { error: string } {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false' || text === '0') return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= MAX_HOPS ? hops : { error: `at most ${MAX_HOPS} proxies in a row, not ${hops}` };
  }
  if (text === 'true' || text === '*') {
    return {
      error: `"${text}" would trust every client: name the proxy's addresses, or a hop count`,
    };
  }
  const entries = text.split(',').map((entry) => entry.trim());
  const problem = entries.map(proxyEntryError).find((error) => error !== null);
  return problem ? { error: problem } : entries;
}

/**
 * Fastify's `trustProxy` for a setting. A hop count becomes "the first `hops` peers from this server are proxies"
 * (Fastify itself reads a bare number as trusting nobody): safe only when the server cannot be reached but through
 * them (HOST=127.0.0.1, or a firewall). Addresses are safer: a client that reaches the server directly is never
 * believed.
 */
export function fastifyTrustProxy(
  setting: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting !== 'number') return setting;
  return (_address, hop) => hop < setting;
}

/**
 * The client's address and the host it asked for, read from a request before Fastify has it (the front door,
 * front-door.ts) as Fastify's `request.ip` and `request.host` read them with the same setting.
 */
export function clientReader(
  setting: TrustProxy,
): (request: IncomingMessage) => { ip: string | undefined; host: string } {
  const trust = fastifyTrustProxy(setting);
  if (trust === false) {
    return (request) => ({ ip: request.socket.remoteAddress, host: request.headers.host ?? '' });
  }
  const trusted = typeof trust === 'function' ? trust : proxyAddr.compile(trust);
  return (request) => {
    const forwardedHost = request.headers['x-forwarded-host'];
    const fromProxy = trusted(request.socket.remoteAddress ?? '', 0);
    return {
      ip: proxyAddr(request, trusted),
      // The last entry: the one the proxy in front wrote.
      host:
        typeof forwardedHost === 'string' && forwardedHost && fromProxy
          ? forwardedHost.slice(forwardedHost.lastIndexOf(',') + 1).trim()
          : (request.headers.host ?? ''),
    };
  };
}

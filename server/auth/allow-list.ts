import { BlockList, isIP } from 'node:net';

/*
 * Address allow-lists of API keys: CIDR blocks (10.12.0.0/16, 2001:db8::/32), or single addresses (taken as /32 or
 * /128). A system whose address is on its key's list may read without presenting the key.
 */

type Family = 'ipv4' | 'ipv6';

/** An IPv4 address as an IPv6 socket reports it (::ffff:10.0.0.1) is the IPv4 address. */
function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

function familyOf(address: string): Family | null {
  const version = isIP(address);
  return version === 4 ? 'ipv4' : version === 6 ? 'ipv6' : null;
}

/** `10.0.0.1` → `10.0.0.1/32`, `10.1.0.0/16` as it is; null for anything that is not a CIDR block. */
export function normalizeCidr(text: string): string | null {
  const [raw, prefixText, ...rest] = text.trim().split('/');
  const address = plainAddress(raw ?? '');
  const family = familyOf(address);
  if (!family || rest.length > 0) return null;
  const bits = family === 'ipv4' ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  return prefix <= bits ? `${address}/${prefix}` : null;
}

/** Whether `address` (as `request.ip` gives it) lies in one of the blocks. */
export function isAddressAllowed(address: string, cidrs: readonly string[]): boolean {
  const plain = plainAddress(address);
  const family = familyOf(plain);
  if (!family) return false;
  const list = new BlockList();
  for (const cidr of cidrs) {
    const normalized = normalizeCidr(cidr);
    if (!normalized) continue;
    const [network, prefix] = normalized.split('/');
    const type = familyOf(network);
    if (type === family) list.addSubnet(network, Number(prefix), type);
  }
  return list.check(plain, family);
}

import {
  hash,
  randomBytes,
  randomFillSync,
  scrypt,
  timingSafeEqual,
  type ScryptOptions,
} from 'node:crypto';

/** scrypt cost: N=2^15 takes ~50–100 ms here, slow for a guesser, quick enough for a sign-in. */
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const KEY_LENGTH = 64;

function scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$salt$hash` (base64url): the parameters travel with the hash, so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, SCRYPT);
  return [
    'scrypt',
    SCRYPT.N,
    SCRYPT.r,
    SCRYPT.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let dummyHash: Promise<string> | undefined;

/** A hash to check against when the username is unknown, so that both cases take the same time. */
export function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(12).toString('base64url'));
  return dummyHash;
}

const randomPool = Buffer.alloc(4096);
let randomPoolUsed = randomPool.length;

/**
 * Random bytes for ids, tokens and nonces: drawn 4 KiB at a time and each handed out once, as node's own randomUUID
 * does. A new request takes three draws, and randomBytes costs some 4 µs a call whatever the size (decision 012).
 */
export function freshRandomBytes(size: number): Buffer {
  if (size > randomPool.length) return randomBytes(size);
  if (randomPoolUsed + size > randomPool.length) {
    randomFillSync(randomPool);
    randomPoolUsed = 0;
  }
  const bytes = Buffer.from(randomPool.subarray(randomPoolUsed, randomPoolUsed + size));
  randomPoolUsed += size;
  return bytes;
}

/** A token (a session's, a ticket's): 32 random bytes. Only its hash is stored. */
export function newToken(): string {
  return freshRandomBytes(32).toString('base64url');
}

/** SHA-256 in hex: all the server keeps of a secret (a session token, a ticket's token, an Idempotency-Key). */
export function hashToken(token: string): string {
  return hash('sha256', token, 'hex');
}

/** Whether `token` is the one `storedHash` was made from, compared in constant time. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const given = Buffer.from(hashToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** App-made ids that sort by creation time: 9 base36 digits of milliseconds, then randomness. */
export function newId(now: Date): string {
  return `${now.getTime().toString(36).padStart(9, '0')}${freshRandomBytes(8).toString('hex')}`;
}

import { createCipheriv, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { openToken, sealToken, type TokenBox } from '../../server/auth/sealed-token';

const box = (): TokenBox => ({
  secret: randomUUID(),
  salt: randomBytes(32).toString('hex'),
  boundTo: randomUUID(),
});

/** A box as the first release sealed it, its key from node's own hkdfSync: rows of that time must still open. */
function sealedWithHkdfSync(token: string, { secret, salt, boundTo }: TokenBox): string {
  const key = Buffer.from(hkdfSync('sha256', secret, salt, 'ticket-access-token', 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(boundTo));
  const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return ['v1', ...[iv, cipher.getAuthTag(), sealed].map((p) => p.toString('base64url'))].join('.');
}

describe('sealed tokens', () => {
  it('opens what it sealed, and only with the same secret, salt and row', () => {
    const token = randomBytes(32).toString('base64url');
    const sealedBox = box();
    const sealed = sealToken(token, sealedBox);
    expect(sealed).not.toContain(token);
    expect(openToken(sealed, sealedBox)).toBe(token);
    for (const wrong of ['secret', 'salt', 'boundTo'] as const) {
      expect(() => openToken(sealed, { ...sealedBox, [wrong]: box()[wrong] })).toThrow();
    }
  });

  it('derives the key hkdfSync derives: boxes sealed by earlier releases still open', () => {
    for (let i = 0; i < 50; i++) {
      const token = randomBytes(32).toString('base64url');
      const sealedBox = box();
      expect(openToken(sealedWithHkdfSync(token, sealedBox), sealedBox)).toBe(token);
    }
  });
});

import { freshRandomBytes } from '../../server/auth/crypto';

describe('freshRandomBytes', () => {
  it('hands out bytes of the size asked, never the same twice, across many refills of its pool', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const bytes = freshRandomBytes(1 + (i % 40));
      expect(bytes).toHaveLength(1 + (i % 40));
      if (bytes.length >= 8) {
        const hex = bytes.toString('hex');
        expect(seen.has(hex)).toBe(false);
        seen.add(hex);
      }
    }
  });

  it('answers bytes of their own, which later draws never change', () => {
    const first = freshRandomBytes(16);
    const kept = Buffer.from(first);
    for (let i = 0; i < 1000; i++) freshRandomBytes(16);
    expect(first.equals(kept)).toBe(true);
    expect(freshRandomBytes(10_000)).toHaveLength(10_000);
  });
});

import { StartingDigits } from '../../server/repositories/tickets/new-ticket';

/** How many digits a day's new ticket numbers start with (repositories/tickets/new-ticket.ts). */
describe('StartingDigits', () => {
  const today = 'PDS20261130-';

  it('starts every day with four digits', () => {
    expect(new StartingDigits().of(today)).toBe(4);
  });

  it('takes one more once over a quarter of the last 64 draws were taken', () => {
    const digits = new StartingDigits();
    digits.record(today, 4, 63, 63);
    expect(digits.of(today)).toBe(4); // too few draws to judge
    digits.record(today, 4, 1, 0);
    expect(digits.of(today)).toBe(5);
    // Judged anew at five: a quarter exactly is not more than a quarter.
    digits.record(today, 5, 64, 16);
    expect(digits.of(today)).toBe(5);
    digits.record(today, 5, 63, 16);
    digits.record(today, 5, 1, 1);
    expect(digits.of(today)).toBe(6);
  });

  it('judges the last draws only: the empty morning does not hide a full afternoon', () => {
    const digits = new StartingDigits();
    for (let i = 0; i < 50; i++) digits.record(today, 4, 64, 0);
    digits.record(today, 4, 64, 17);
    expect(digits.of(today)).toBe(5);
  });

  it('keeps four digits on a day of few collisions, and counts each day apart', () => {
    const digits = new StartingDigits();
    for (let i = 0; i < 30; i++) digits.record(today, 4, 64, 12); // ~1,900 a day fill a fifth at most
    digits.record('PDS20261129-', 4, 64, 40);
    expect(digits.of(today)).toBe(4);
    expect(digits.of('PDS20261129-')).toBe(5);
  });

  it('ignores draws of another length than the start (the longer draws of a batch that ran out)', () => {
    const digits = new StartingDigits();
    digits.record(today, 5, 100, 100);
    expect(digits.of(today)).toBe(4);
  });

  it('never goes past eight digits', () => {
    const digits = new StartingDigits();
    for (let d = 4; d <= 8; d++) digits.record(today, d, 64, 64);
    expect(digits.of(today)).toBe(8);
  });
});

import fc from 'fast-check';
import { deriveStatus, statusChangesAt, type StatusInput } from '../../src/domain/status';

const deadline = '2020-12-31';
const at = (iso: string) => new Date(iso);
/** The first moment after the deadline day, in Beijing. */
const pastDeadline = Date.parse('2021-01-01T00:00:00+08:00');

describe('statusChangesAt', () => {
  it.each([
    // percent, reached on, now, the status then, when it changes, to what
    [null, null, '2020-06-30T00:00:00+08:00', 'not_started', pastDeadline, 'unreported'],
    [100, '2020-03-01', '2020-06-30T00:00:00+08:00', 'done', pastDeadline, 'done_on_time'],
    [95, null, '2020-12-31T23:00:00+08:00', 'on_track', pastDeadline, 'unfinished'],
    [20, null, '2020-12-01T00:00:00+08:00', 'behind', pastDeadline, 'unfinished'],
  ] as const)(
    'percent %p, reached %p, at %s: %s until the deadline has passed',
    (percent, reachedOn, now, before, change, after) => {
      const input = { percent, reachedOn, deadline, now: at(now) };
      expect(deriveStatus(input)).toBe(before);
      expect(statusChangesAt(input)?.getTime()).toBe(change);
      expect(deriveStatus({ ...input, now: new Date(change) })).toBe(after);
    },
  );

  it('finds the millisecond a promise falls behind', () => {
    // 40% with a margin of 10 points: behind once more than half of the year has passed.
    const input = { percent: 40, reachedOn: null, deadline, now: at('2020-03-01T00:00:00+08:00') };
    const change = statusChangesAt(input)!;
    expect(change.getTime()).toBeLessThan(pastDeadline);
    expect(deriveStatus({ ...input, now: new Date(change.getTime() - 1) })).toBe('on_track');
    expect(deriveStatus({ ...input, now: change })).toBe('behind');
  });

  it('is null once a verdict is given: it never changes with time', () => {
    const input = { percent: 30, reachedOn: null, deadline, now: at('2021-03-01T00:00:00+08:00') };
    expect(deriveStatus(input)).toBe('unfinished');
    expect(statusChangesAt(input)).toBeNull();
  });

  it('keeps the status from now until the change, and changes it then', () => {
    const start = Date.parse('2019-12-01T00:00:00+08:00');
    const input = fc.record({
      percent: fc.option(fc.integer({ min: 0, max: 120 })),
      reachedOn: fc.option(fc.constantFrom('2020-05-01', '2020-12-31', '2021-02-01')),
      deadline: fc.constantFrom('2020-06-30', '2020-12-31', '2021-12-31'),
      now: fc
        .integer({ min: start, max: start + 3 * 365 * 24 * 3600 * 1000 })
        .map((t) => new Date(t)),
    });
    fc.assert(
      fc.property(input, fc.double({ min: 0, max: 1, noNaN: true }), (given: StatusInput, part) => {
        const status = deriveStatus(given);
        const change = statusChangesAt(given);
        if (change === null) {
          // A verdict: the same a year later.
          expect(
            deriveStatus({ ...given, now: new Date(given.now.getTime() + 365 * 86_400_000) }),
          ).toBe(status);
          return;
        }
        const now = given.now.getTime();
        expect(change.getTime()).toBeGreaterThan(now);
        const between = now + Math.floor(part * (change.getTime() - 1 - now));
        expect(deriveStatus({ ...given, now: new Date(between) })).toBe(status);
        expect(deriveStatus({ ...given, now: new Date(change.getTime() - 1) })).toBe(status);
        expect(deriveStatus({ ...given, now: change })).not.toBe(status);
      }),
    );
  });
});

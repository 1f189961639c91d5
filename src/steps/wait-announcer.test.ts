import { describe, expect, it } from 'vitest';
import { announcement } from './wait-announcer';

describe('announcement of a wait', () => {
  const deadline = 100_000;
  it.each([
    [0, null],
    [deadline - 61_000, null],
    [deadline - 60_000, 60],
    [deadline - 45_000, 60],
    [deadline - 30_000, 30],
    [deadline - 11_000, 30],
    [deadline - 10_000, 10],
    [deadline - 500, 10],
    [deadline, 0],
    [deadline + 5_000, 0],
  ])('at %i ms it is %s', (now, expected) => {
    expect(announcement(deadline, now)).toBe(expected);
  });

  it('says nothing without a deadline', () => {
    expect(announcement(null, 0)).toBeNull();
  });
});

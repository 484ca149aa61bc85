import { describe, expect, it } from 'vitest';
import { recheckIn } from '../../renderer/src/store/overdue-recheck';

const AT = '2026-03-02T02:00:00.000Z';
const t = Date.parse(AT);

describe('when the queue is looked at again for requests turning overdue', () => {
  it('just after the next request turns overdue', () => {
    expect(recheckIn({ at: AT, nextCrossingAt: new Date(t + 10_000).toISOString() }, t)).toBe(11_000);
  });

  it('at least once a minute, and at once when the moment has passed', () => {
    expect(recheckIn({ at: AT, nextCrossingAt: null }, t)).toBe(60_000);
    expect(recheckIn({ at: AT, nextCrossingAt: new Date(t + 3_600_000).toISOString() }, t + 5_000)).toBe(55_000);
    expect(recheckIn({ at: AT, nextCrossingAt: new Date(t + 1_000).toISOString() }, t + 10_000)).toBe(0);
  });
});

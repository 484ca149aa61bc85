import { describe, expect, it } from 'vitest';
import { mayFollow } from '../../shared/model/concurrent-decisions';

describe('a late decision meeting what others did since (docs/sync-and-conflicts.md)', () => {
  it('conflicts with anything that settled the request, unless it only adds a note', () => {
    for (const theirs of ['transfer', 'close', 'junk', 'merge', 'recall', 'reopen', 'unit-return']) {
      for (const mine of ['accept', 'transfer', 'classify', 'reply', 'close', 'escalate'])
        expect(mayFollow(mine, theirs)).toBe(false);
      expect(mayFollow('note', theirs)).toBe(true);
    }
  });

  it('follows handling that left the fate alone', () => {
    expect(mayFollow('transfer', 'classify')).toBe(true);
    expect(mayFollow('close', 'escalate')).toBe(true);
    expect(mayFollow('classify', 'accept')).toBe(true);
    expect(mayFollow('junk', 'note')).toBe(true);
  });

  it('refuses a second answer to the same question', () => {
    expect(mayFollow('classify', 'classify')).toBe(false);
    expect(mayFollow('reply', 'reply')).toBe(false);
    expect(mayFollow('reply', 'classify')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { inArchive } from '../../scripts/eval/hash-split';

describe('the real-stream split', () => {
  it('puts a post on one side however it is indented or broken into fields', () => {
    const posts = Array.from({ length: 200 }, (_, i) => `路灯坏了第${i}天\n\t\t  小区一片漆黑`);
    for (const post of posts) expect(inArchive(post.replace(/\s+/g, '  '))).toBe(inArchive(post));
    expect(inArchive('路灯坏了\n小区黑')).toBe(inArchive(['路灯坏了', '  小区黑  '].join('')));
  });

  it('keeps about four in five for the archive and the rest for the stream', () => {
    const archived = Array.from({ length: 2000 }, (_, i) => inArchive(`第${i}条留言`)).filter(Boolean).length;
    expect(archived).toBeGreaterThan(1500);
    expect(archived).toBeLessThan(1700);
  });
});

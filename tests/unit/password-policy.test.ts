import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH, passwordProblems } from '../../server/auth/password-policy';

describe('the password policy', () => {
  it.each([
    ['a long passphrase', 'river-lamp-quiet-7', []],
    ['Chinese characters count as characters', '芙蓉区一网受理中心值班台2026', []],
    ['too short', 'Tr0ub4dor&3', ['too-short']],
    ['the account name inside', 'wang.fang-2026-spring', ['contains-name']],
    ['a famous one', 'woaini1314520', ['common']],
    ['one key held down', 'aaaaaaaaaaaaaaa', ['repetitive']],
    ['a row of keys', 'abcdefghijklmn', ['repetitive']],
    ['letters counting down', 'zyxwvutsrqpo', ['repetitive']],
  ])('%s', (_label, password, problems) => {
    expect(passwordProblems(password, 'wang.fang')).toEqual(problems);
  });

  it(`asks for at least ${MIN_PASSWORD_LENGTH} characters, not a mix of classes`, () => {
    expect(passwordProblems('x'.repeat(3) + 'yz'.repeat(4), 'op')).toContain('too-short');
    expect(passwordProblems('correct horse battery', 'op')).toEqual([]);
  });
});

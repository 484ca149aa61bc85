/**
 * What a chosen password must be (docs/security.md): long enough to resist guessing offline if the hashes
 * leak, and not one of the first guesses (the account's own name, a famous password, a row of one key).
 * Length over composition rules, as NIST SP 800-63B advises.
 */
export const MIN_PASSWORD_LENGTH = 12;

export type PasswordProblem = 'too-short' | 'contains-name' | 'common' | 'repetitive';

/** First guesses of every cracking list, the Chinese favourites among them; compared in lower case. */
const COMMON = new Set([
  '123456789012',
  '1234567890123',
  'qwertyuiop12',
  'qwertyuiopasdf',
  '1qaz2wsx3edc',
  '1q2w3e4r5t6y',
  'passwordpassword',
  'password1234',
  'password123456',
  'administrator',
  'admin1234567',
  'adminadmin123',
  'iloveyou1234',
  'woaini131452',
  'woaini520131',
  'woaini1314520',
  '5201314520131',
  'abcd12345678',
  'abc123456789',
  'zxcvbnm12345',
  'asdfghjkl123',
  'welcome12345',
  'changeme1234',
  'letmein12345',
  'yiwang123456',
  'yiwangyiwang',
]);

export function passwordProblems(password: string, accountName: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const lower = password.normalize('NFC').toLowerCase();
  if ([...lower].length < MIN_PASSWORD_LENGTH) problems.push('too-short');
  if (accountName.length >= 3 && lower.includes(accountName.toLowerCase())) problems.push('contains-name');
  if (COMMON.has(lower)) problems.push('common');
  if (new Set(lower).size <= 3 || isRun(lower)) problems.push('repetitive');
  return problems;
}

/** In words, for the command line and the log. */
export function describePasswordProblems(problems: readonly PasswordProblem[]): string {
  const words: Record<PasswordProblem, string> = {
    'too-short': `shorter than ${MIN_PASSWORD_LENGTH} characters`,
    'contains-name': 'contains the account name',
    common: 'one of the most common passwords',
    repetitive: 'a run of one or a few keys',
  };
  return problems.map((problem) => words[problem]).join('; ');
}

/** abcdefgh…, 98765432…: each character one after (or before) the last. */
function isRun(text: string): boolean {
  const codes = [...text].map((c) => c.codePointAt(0)!);
  const steps = new Set(codes.slice(1).map((code, i) => code - codes[i]!));
  return steps.size === 1 && (steps.has(1) || steps.has(-1));
}

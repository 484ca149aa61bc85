import { describe, expect, it } from 'vitest';
import { RejectionCode } from '../../shared/model';
import { failureWords } from '../../renderer/src/i18n/failure-words';
import { noticeText } from '../../renderer/src/i18n/notice-text';
import { translator } from '../../renderer/src/i18n/translate';
import { en } from '../../renderer/src/i18n/en';
import { zhCN } from '../../renderer/src/i18n/zh-cn';

const zh = translator('zh-CN');
// Every code the host answers a failed call with (electron/host/api.ts, decisions.ts, conflicts.ts) and the bridge's own.
const HOST_CODES = [
  ...RejectionCode.options,
  'not-signed-in',
  'unknown-conflict',
  'cannot-undo',
  'offline',
  'unauthorized',
  'refused',
  'server',
  'protocol',
  'transport',
  'no-host',
];

describe('failures in the operator’s words', () => {
  it('has words for every failure code the host gives, in both languages', () => {
    for (const code of HOST_CODES) {
      expect(`failure.${code}` in zhCN, code).toBe(true);
      expect(`failure.${code}` in en, code).toBe(true);
    }
  });

  it('says what went wrong without the code or the technical message', () => {
    const text = noticeText(zh, { id: 'failed', params: { code: 'invalid-transition' }, tone: 'error' });
    expect(text).toBe('操作未完成：此件当前的状态不允许这样处理');
    expect(text).not.toContain('invalid-transition');
  });

  it('reads an unknown code (a newer host, an internal fault) as the general failure', () => {
    expect(failureWords(zh, 'internal')).toBe(zhCN['failure.other']);
    expect(failureWords(zh, 'The operation was aborted')).toBe(zhCN['failure.other']);
  });
});

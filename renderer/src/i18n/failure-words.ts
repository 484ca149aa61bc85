import type { Rejection } from '../../../shared/model';
import type { Translate } from './translate';
import { zhCN, type MessageId } from './zh-cn';

/**
 * Why something failed, in the operator's words, from the host's failure code (a refusal code such as
 * `invalid-transition`, `offline` …). Never the technical message: a code without words of its own
 * reads as the general failure, and the host has logged the details.
 */
export function failureWords(t: Translate, code: string | null): string {
  const id = `failure.${code}`;
  return id in zhCN ? t(id as MessageId) : t('failure.other');
}

/** Why the server refused a decision, in the operator's words. */
export function refusalWords(t: Translate, rejection: Rejection): string {
  return failureWords(t, rejection.code);
}

import type { Notice } from '../store/notice-store';
import { decisionLabel } from './decision-label';
import { failureWords } from './failure-words';
import type { Translate } from './translate';

/** A notice in the operator's words: `notice.<id>`, with the decision it is about named as they say it. */
export function noticeText(t: Translate, notice: Notice): string {
  const params = { ...notice.params };
  if (notice.decision !== undefined) params.kind = decisionLabel(t, notice.decision);
  if (notice.id === 'failed') params.message = failureWords(t, String(params.code ?? ''));
  return t(`notice.${notice.id}`, params);
}

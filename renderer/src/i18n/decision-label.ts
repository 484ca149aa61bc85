import type { MessageId, Translate } from './translate';
import { zhCN } from './zh-cn';

/** The operator's word for a decision kind; an unknown kind (from a newer server) shows as is. */
export function decisionLabel(t: Translate, kind: string): string {
  const id = `decision.${kind}`;
  return id in zhCN ? t(id as MessageId) : kind;
}

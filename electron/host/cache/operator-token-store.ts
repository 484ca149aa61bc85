import type { Operator } from '../../../shared/model';
import type { Cache } from './open-cache';
import type { TokenSeal } from './token-seal';

/**
 * The bearer token of every operator who signed in on this workstation and may still have
 * decisions to push. Each person's decisions are pushed with their own token, so they stay theirs
 * after a colleague signs in; a token is forgotten once its operator has left and nothing of
 * theirs waits (see `forgetIdle`).
 */
export function operatorTokenStore(db: Cache, seal: TokenSeal) {
  const put = db.prepare(
    `INSERT INTO operator_tokens (operator_id, operator, token) VALUES (@id, @operator, @token)
     ON CONFLICT (operator_id) DO UPDATE SET operator = excluded.operator, token = excluded.token`,
  );
  const get = db.prepare<[string], { token: string }>('SELECT token FROM operator_tokens WHERE operator_id = ?');
  const remove = db.prepare('DELETE FROM operator_tokens WHERE operator_id = ?');
  const idle = db.prepare(
    `DELETE FROM operator_tokens WHERE operator_id != @current
       AND operator_id NOT IN (SELECT operator_id FROM outbox)
       AND operator_id NOT IN (SELECT operator_id FROM handovers WHERE sent_at IS NULL)`,
  );

  return {
    save(operator: Operator, token: string): void {
      put.run({ id: operator.id, operator: JSON.stringify(operator), token: seal.seal(token) });
    },
    tokenFor(operatorId: string): string | null {
      const stored = get.get(operatorId)?.token;
      return stored === undefined ? null : seal.open(stored);
    },
    /** The server refused the token: that operator's decisions wait for their next sign-in. */
    forget(operatorId: string): void {
      remove.run(operatorId);
    },
    /** Drops the tokens of operators who signed out and have nothing left to send. */
    forgetIdle(currentOperatorId: string | null): void {
      idle.run({ current: currentOperatorId ?? '' });
    },
  };
}

import type { WechatAccount } from '../channels/accounts';
import type { Db } from '../db/open-database';
import { callPlatform, jsonOf } from './platform-call';
import type { SendResult } from './send-result';

/** A token is renewed this long before WeChat says it expires, so no call goes out with a dying one. */
const RENEW_EARLY_MS = 5 * 60_000;

/** WeChat errcodes that mean the token is stale (invalid, expired, replaced): refetch it and call again. */
export const STALE_TOKEN = new Set([40001, 40014, 42001]);

export type TokenResult = { ok: true; token: string } | { ok: false; result: SendResult };

/**
 * WeChat access tokens, one per AppID, held in the database: fetching a new token invalidates the
 * old one after a grace period, so every sender (and every server instance) must share one holder
 * (CHANNELS.md §1.5). Concurrent callers in this process share one fetch.
 */
export function wechatTokens(db: Db, baseUrl: string, now: () => number = Date.now) {
  const fetching = new Map<string, Promise<TokenResult>>();
  const keyOf = (account: WechatAccount) => `wechat:${account.appId}`;

  async function fetchToken(account: WechatAccount): Promise<TokenResult> {
    const query = new URLSearchParams({
      grant_type: 'client_credential',
      appid: account.appId,
      secret: account.appSecret,
    });
    const answer = await callPlatform(`${baseUrl}/cgi-bin/token?${query}`);
    // A token fetch changes nothing the citizen sees, so even an unanswered one may be retried.
    if (!answer.answered)
      return {
        ok: false,
        result: {
          outcome: 'retry',
          errorCode: answer.result.outcome === 'retry' ? answer.result.errorCode : 'token-timeout',
        },
      };
    const json = jsonOf(answer.body);
    const token = json?.access_token;
    const expiresIn = Number(json?.expires_in);
    if (typeof token !== 'string' || token === '' || !(expiresIn > 0)) {
      const errcode = json?.errcode;
      // -1 is "system busy"; a bad AppSecret or an IP not on the whitelist will not mend itself.
      const code = typeof errcode === 'number' ? String(errcode) : `http-${answer.status}`;
      return {
        ok: false,
        result: { outcome: errcode === -1 || answer.status >= 500 ? 'retry' : 'failed', errorCode: code },
      };
    }
    const fetchedAt = now();
    const row = {
      key: keyOf(account),
      token,
      expires_at: new Date(fetchedAt + expiresIn * 1000).toISOString(),
      fetched_at: new Date(fetchedAt).toISOString(),
    };
    await db
      .insertInto('access_tokens')
      .values(row)
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({ token: row.token, expires_at: row.expires_at, fetched_at: row.fetched_at }),
      )
      .execute();
    return { ok: true, token };
  }

  return {
    /** The account's token: the stored one while it is fresh, else a new one. */
    async token(account: WechatAccount): Promise<TokenResult> {
      const stored = await db
        .selectFrom('access_tokens')
        .select(['token', 'expires_at'])
        .where('key', '=', keyOf(account))
        .executeTakeFirst();
      if (stored && Date.parse(stored.expires_at) - RENEW_EARLY_MS > now()) return { ok: true, token: stored.token };
      const running = fetching.get(account.appId);
      if (running) return running;
      const fetched = fetchToken(account).finally(() => fetching.delete(account.appId));
      fetching.set(account.appId, fetched);
      return fetched;
    },
    /** Forgets a token WeChat refused (expired early, replaced elsewhere), unless a newer one is already stored. */
    async invalidate(account: WechatAccount, token: string): Promise<void> {
      await db.deleteFrom('access_tokens').where('key', '=', keyOf(account)).where('token', '=', token).execute();
    },
  };
}

export type WechatTokens = ReturnType<typeof wechatTokens>;

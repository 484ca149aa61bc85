import type { WechatAccount, WeiboAccount } from '../channels/accounts';
import { callPlatform, jsonOf } from '../platforms/platform-call';
import { STALE_TOKEN, type WechatTokens } from '../platforms/wechat-token';

/** Larger than any picture or voice note a citizen sends through these channels. */
const MAX_MEDIA_BYTES = 10 * 1024 * 1024;

export type FetchedMedia = { ok: true; bytes: Buffer; contentType: string } | { ok: false; error: string };
export type MediaFetcher = (account: string, mediaId: string) => Promise<FetchedMedia>;

/**
 * Reads a media API's answer: the file, or the platform's JSON error (both APIs answer errors as
 * JSON with status 200, so the content type decides).
 */
async function download(url: string): Promise<FetchedMedia> {
  const answer = await callPlatform(url);
  if (!answer.answered)
    return { ok: false, error: answer.result.outcome === 'sent' ? 'network' : answer.result.errorCode };
  if (answer.status !== 200) return { ok: false, error: `http-${answer.status}` };
  if (/json|text\/plain/i.test(answer.contentType)) {
    const json = jsonOf(answer.body);
    return { ok: false, error: String(json?.errcode ?? json?.error_code ?? 'not-media') };
  }
  if (answer.body.length === 0 || answer.body.length > MAX_MEDIA_BYTES) return { ok: false, error: 'bad-size' };
  return { ok: true, bytes: answer.body, contentType: answer.contentType.split(';')[0]!.trim() };
}

/** WeChat temporary media: GET /cgi-bin/media/get with the account's access token. */
export function wechatMediaFetcher(
  accounts: readonly WechatAccount[],
  baseUrl: string,
  tokens: WechatTokens,
): MediaFetcher {
  const byOriginalId = new Map(accounts.map((account) => [account.originalId, account]));
  return async (originalId, mediaId) => {
    const account = byOriginalId.get(originalId);
    if (!account) return { ok: false, error: 'no-account' };
    const token = await tokens.token(account);
    if (!token.ok) return { ok: false, error: token.result.outcome === 'sent' ? 'token' : token.result.errorCode };
    const fetched = await download(
      `${baseUrl}/cgi-bin/media/get?${new URLSearchParams({ access_token: token.token, media_id: mediaId })}`,
    );
    if (!fetched.ok && STALE_TOKEN.has(Number(fetched.error))) await tokens.invalidate(account, token.token);
    return fetched;
  };
}

/** Weibo private-message media: GET /2/mss/msget with the receiving account's token and the file id (CHANNELS.md §2.2). */
export function weiboMediaFetcher(accounts: readonly WeiboAccount[], baseUrl: string): MediaFetcher {
  const byUid = new Map(accounts.map((account) => [account.uid, account]));
  return async (uid, mediaId) => {
    const account = byUid.get(uid);
    if (!account) return { ok: false, error: 'no-account' };
    return download(
      `${baseUrl}/2/mss/msget?${new URLSearchParams({ access_token: account.accessToken, fid: mediaId })}`,
    );
  };
}

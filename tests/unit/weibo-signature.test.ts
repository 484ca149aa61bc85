import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Refusal } from '../../server/channels/refusal';
import { checkSignedQuery } from '../../server/channels/signed-query';
import { weiboSignature } from '../../server/channels/weibo/signature';
import { DEMO_WEIBO_ACCOUNT } from '../../server/channels/demo-accounts';
import { buildWeiboDelivery } from '../../simulator/weibo-delivery';

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
const NOW = Date.UTC(2025, 0, 6, 2, 0, 0);

describe('weiboSignature', () => {
  it('is sha1 of App Secret, timestamp and nonce sorted lexicographically', () => {
    expect(weiboSignature('appsecret', '1342432120', '2001')).toBe(sha1('13424321202001appsecret'));
  });
});

describe('checkSignedQuery with the App Secret', () => {
  const options = { nowMs: NOW, maxClockSkewSeconds: 300 };
  const query = (offsetSeconds = 0, secret = DEMO_WEIBO_ACCOUNT.appSecret) => {
    const push = { type: 'text', receiver_id: '1', sender_id: '2', created_at: '', text: '', data: {} };
    return buildWeiboDelivery({ ...DEMO_WEIBO_ACCOUNT, appSecret: secret }, push, {
      now: new Date(NOW + offsetSeconds * 1000),
    }).query;
  };
  const refusal = (q: Record<string, unknown>) => {
    try {
      checkSignedQuery(q, DEMO_WEIBO_ACCOUNT.appSecret, options);
      return null;
    } catch (error) {
      return error instanceof Refusal ? [error.status, error.message] : error;
    }
  };

  it('accepts what the simulator signs, within the skew', () => {
    expect(refusal(query())).toBeNull();
    expect(refusal(query(-300))).toBeNull();
  });

  it('refuses another secret, a missing nonce, a stale or future timestamp', () => {
    expect(refusal(query(0, 'not-the-secret'))).toEqual([401, 'bad signature']);
    const { nonce: _omit, ...noNonce } = query();
    expect(refusal(noNonce)).toEqual([401, 'missing signature parameters']);
    expect(refusal(query(-301))).toEqual([403, 'stale timestamp']);
    expect(refusal(query(3600))).toEqual([403, 'stale timestamp']);
  });
});

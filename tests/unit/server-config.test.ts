import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

/** The server's environment is checked by a schema: a wrong setting is refused by name, never read as NaN. */
describe('server configuration', () => {
  it('takes the defaults from an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(7300);
    expect(config.outbound).toEqual({ pollMs: 1000, retryBaseMs: 5000, maxRetryMs: 600_000, maxAttempts: 8 });
    expect(config.media.maxAttempts).toBe(6);
    expect(config.platforms.alipay).toBe('https://openapi.alipay.com');
  });

  it('reads numbers and addresses it is given', () => {
    const config = loadConfig({
      YIWANG_PORT: '0',
      YIWANG_MEDIA_POLL_MS: '250',
      YIWANG_PLATFORM_URL: 'http://127.0.0.1:9000/',
      YIWANG_ALIPAY_GATEWAY_URL: 'http://127.0.0.1:9001/gateway.do',
    });
    expect(config.port).toBe(0);
    expect(config.media.pollMs).toBe(250);
    expect(config.platforms.wechat).toBe('http://127.0.0.1:9000');
    expect(config.platforms.alipay).toBe('http://127.0.0.1:9001');
  });

  it.each([
    ['YIWANG_PORT', 'seventy'],
    ['YIWANG_PORT', '70000'],
    ['YIWANG_CLAIM_LEASE_MS', '2m'],
    ['YIWANG_MAX_WEBHOOK_BYTES', '-5'],
    ['YIWANG_OUTBOUND_MAX_ATTEMPTS', '0'],
    ['YIWANG_RETRAIN_EVERY', '1.5'],
    ['YIWANG_WECHAT_API_URL', 'api.weixin.qq.com'],
    ['DATABASE_URL', 'mysql://db/yiwang'],
  ])('refuses %s=%s, naming the setting', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^${name}="${value.replace('.', '\\.')}": `));
  });

  it('has no demo accounts and no admin password unless it is a demo', () => {
    expect(loadConfig({})).toMatchObject({
      demo: false,
      adminPassword: null,
      channels: { wechat: [], weibo: [], alipay: [] },
    });
    const demo = loadConfig({ YIWANG_DEMO: '1' });
    expect(demo).toMatchObject({ demo: true, adminPassword: 'admin' });
    expect(demo.channels.weibo.map((a) => a.appSecret)).toEqual(['demo-weibo-app-secret']);
    expect(loadConfig({ YIWANG_DEMO: '1', YIWANG_ADMIN_PASSWORD: 'a-long-password' }).adminPassword).toBe(
      'a-long-password',
    );
    expect(() => loadConfig({ YIWANG_DEMO: 'yes' })).toThrow(/^YIWANG_DEMO="yes": /);
  });

  it('reads the proxy to trust and the session lifetime', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ YIWANG_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ YIWANG_TRUST_PROXY: '10.0.0.0/8' }).trustProxy).toBe('10.0.0.0/8');
    const hops = loadConfig({ YIWANG_TRUST_PROXY: '1' }).trustProxy as (address: string, hop: number) => boolean;
    expect([hops('10.0.0.1', 0), hops('10.0.0.2', 1)]).toEqual([true, false]);
    expect(loadConfig({ YIWANG_SESSION_IDLE_MINUTES: '30' }).sessionLifetime.idleMs).toBe(30 * 60_000);
  });

  it('names the channels file when it is wrong inside', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'yiwang-config-')), 'channels.json');
    writeFileSync(file, JSON.stringify({ wechat: [{ key: 'Bad Key' }] }));
    expect(() => loadConfig({ YIWANG_CHANNELS_FILE: file })).toThrow(/^YIWANG_CHANNELS_FILE=.*channels\.json: /);
  });
});

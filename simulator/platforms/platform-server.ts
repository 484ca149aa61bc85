import Fastify from 'fastify';
import type { ChannelsConfig } from '../../server/channels/accounts';
import { alipayApi } from './alipay-api';
import type { PlatformCall } from './platform-calls';
import { platformState } from './platform-state';
import { wechatApi } from './wechat-api';
import { weiboApi } from './weibo-api';

/** What the platforms' process prints, followed by its base URL, once it listens. */
export const PLATFORMS_READY_PREFIX = 'YIWANG_PLATFORMS_READY ';

export interface PlatformServer {
  /** The base URL to give the server as YIWANG_PLATFORM_URL. */
  url: string;
  /** Every call Yiwang made, oldest first. */
  calls: readonly PlatformCall[];
  failNextSends: ReturnType<typeof platformState>['failNextSends'];
  failNextMedia: ReturnType<typeof platformState>['failNextMedia'];
  delaySends: ReturnType<typeof platformState>['delaySends'];
  expireTokens(): void;
  /** The file a media API serves for `channel:mediaId`, to compare with what Yiwang shows. */
  mediaBytes(id: string): Buffer;
  close(): Promise<void>;
}

/**
 * Plays WeChat's, Weibo's and Alipay's APIs on one local port (their paths do not overlap): what
 * Yiwang calls to reply and to download media, checking its credentials and recording each call.
 */
export async function startPlatforms(channels: ChannelsConfig, port = 0): Promise<PlatformServer> {
  const app = Fastify({ logger: false });
  // Weibo and Alipay post forms; they are read as text and parsed by each API.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );
  const state = platformState();
  wechatApi(app, channels.wechat, state);
  weiboApi(app, channels.weibo, state);
  alipayApi(app, channels.alipay, state);
  await app.listen({ host: '127.0.0.1', port });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    calls: state.calls,
    failNextSends: state.failNextSends,
    failNextMedia: state.failNextMedia,
    delaySends: state.delaySends,
    expireTokens: state.expireTokens,
    mediaBytes: state.mediaBytes,
    close: () => app.close(),
  };
}

import type { InboundMessage } from '../../shared/model';

let counter = 0;

/** A citizen's text message on the demo WeChat account, with a fresh dedupe key unless given. */
export function makeMessage(overrides: Partial<InboundMessage> = {}): InboundMessage {
  counter += 1;
  return {
    channel: 'wechat',
    account: 'gh_yiwang_demo',
    citizenChannelId: `openid-${process.pid}-${counter}`,
    dedupeKey: `msg-${process.pid}-${Date.now()}-${counter}`,
    kind: 'text',
    event: null,
    text: `小区门口的路灯坏了 ${counter}`,
    attachments: [],
    sentAt: new Date().toISOString(),
    ...overrides,
  };
}

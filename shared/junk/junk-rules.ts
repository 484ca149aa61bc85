import type { InboundMessage } from '../model';

/**
 * Recognises likely junk at intake, so it stays out of the main queue (it goes to the junk view,
 * where one key restores a false positive). Deliberately conservative: a request that merely
 * mentions money or a website is not junk; advertising and gambling need their telltale phrases.
 */
export type JunkReason = 'subscribe-event' | 'empty-greeting' | 'advertising' | 'gambling';

/** Events that are the citizen arriving or leaving, not asking anything. */
const NON_REQUEST_EVENTS = new Set([
  'subscribe',
  'unsubscribe',
  'follow',
  'unfollow',
  'scan',
  'scan_follow',
  'SCAN',
  'enter',
]);

/** Greetings and fillers that say nothing on their own (after punctuation and emoji are removed). */
const GREETINGS = new Set([
  '你好',
  '您好',
  '你们好',
  '在吗',
  '在不在',
  '有人吗',
  '有人在吗',
  '哈喽',
  '嗨',
  '喂',
  '早',
  '早上好',
  '晚上好',
  '下午好',
  '谢谢',
  '好的',
  '嗯',
  '哦',
  '1',
  '111',
  'hi',
  'hello',
  'ok',
]);

const GAMBLING =
  /(博彩|赌场|百家乐|六合彩|时时彩|网上赌|线上赌|棋牌.{0,4}(提现|充值|上分)|上分|下分|彩票.{0,6}(计划|导师|稳赚)|首充|存\d+送\d+|老虎机|真人荷官)/i;
const ADVERTISING =
  /(加(我)?(微信|薇信|vx|v信|qq|扣扣)|\b(vx|wx|qq)[:：]?\s*[a-z0-9_-]{5,}|代开(发票|票)|办证.{0,4}(电话|联系)|刷单|兼职.{0,6}(日结|日赚|返利)|日赚\d+|贷款.{0,6}(秒批|免抵押|无抵押)|低价出售|优惠券.{0,4}(领取|免费)|点击(链接|领取)|限时(抢购|优惠)|招代理)/i;

/** Punctuation, symbols, emoji and spaces, which do not make a greeting into a question. */
const FILLER = /[\s\p{P}\p{S}\p{Extended_Pictographic}~～]+/gu;

export function junkReason(
  message: Pick<InboundMessage, 'kind' | 'event' | 'text' | 'attachments'>,
): JunkReason | null {
  if (message.kind === 'event')
    return message.event !== null && NON_REQUEST_EVENTS.has(message.event) ? 'subscribe-event' : null;
  const text = message.text.normalize('NFKC');
  if (GAMBLING.test(text)) return 'gambling';
  if (ADVERTISING.test(text)) return 'advertising';
  if (message.kind === 'text') {
    const bare = text.replace(FILLER, '').toLowerCase();
    if (bare === '' || GREETINGS.has(bare) || /^(你好|您好|在吗|有人吗)+$/.test(bare)) return 'empty-greeting';
  }
  return null;
}

import { describe, expect, it } from 'vitest';
import { junkReason } from '../../shared/junk/junk-rules';

const text = (t: string) => ({ kind: 'text' as const, event: null, text: t, attachments: [] });

describe('junkReason', () => {
  it.each([
    ['加微信 abc12345 领取优惠券', 'advertising'],
    ['兼职刷单日结', 'advertising'],
    ['贷款秒批，无抵押', 'advertising'],
    ['ＶＸ：ｙｗ１２３４５６', 'advertising'],
    ['真人荷官，首充送88', 'gambling'],
    ['百家乐稳赚', 'gambling'],
    ['你好', 'empty-greeting'],
    ['在吗？？？', 'empty-greeting'],
    ['您好您好！😀', 'empty-greeting'],
    ['   ', 'empty-greeting'],
  ])('%s → %s', (t, reason) => expect(junkReason(text(t))).toBe(reason));

  it.each([
    '你好，我家楼下的井盖丢了',
    '彩票站门口占道经营',
    '我想咨询一下公积金贷款怎么办',
    '请问办证需要带什么材料',
    '你好 12345 热线打不通',
  ])('keeps a real request: %s', (t) => {
    expect(junkReason(text(t))).toBeNull();
  });

  it('takes follow and subscribe events for junk, but not a menu click or a mention', () => {
    for (const event of ['subscribe', 'follow', 'unfollow', 'SCAN'])
      expect(junkReason({ kind: 'event', event, text: '', attachments: [] })).toBe('subscribe-event');
    for (const event of ['CLICK', 'mention'])
      expect(junkReason({ kind: 'event', event, text: '@城市发布 路灯坏了', attachments: [] })).toBeNull();
  });

  it('does not take a picture without words for an empty greeting', () => {
    expect(
      junkReason({ kind: 'image', event: null, text: '', attachments: [{ kind: 'image', mediaId: 'm', url: null }] }),
    ).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { citizenLabel, maskCitizenId, maskCitizenName, maskCitizenText, summarize } from '../../shared/ledger';

describe('maskCitizenText — personal numbers', () => {
  it('masks a mobile number inside Chinese text, keeping the first 3 and last 4 digits', () => {
    expect(maskCitizenText('我的电话13812345678请回电')).toBe('我的电话138****5678请回电');
    expect(maskCitizenText('联系人：王先生，手机号：15900001111。')).toBe('联系人：王先生，手机号：159****1111。');
  });

  it('masks mobiles written with separators or a country code, keeping the separators', () => {
    expect(maskCitizenText('手机：139 8765 4321')).toBe('手机：139 **** 4321');
    expect(maskCitizenText('138-1234-5678')).toBe('138-****-5678');
    expect(maskCitizenText('+8613912345678')).toBe('+86139****5678');
  });

  it('masks full-width digits as citizens type them on phones', () => {
    expect(maskCitizenText('电话１３８１２３４５６７８')).toBe('电话１３８****５６７８');
  });

  it('masks 18-digit ID numbers, with X or x, keeping the first 3 and last 4', () => {
    expect(maskCitizenText('身份证号11010519491231002X，')).toBe('身份证号110***********002X，');
    expect(maskCitizenText('身份证11010519491231002x')).toBe('身份证110***********002x');
    expect(maskCitizenText('证件号110105194912310021')).toBe('证件号110***********0021');
  });

  it('masks old 15-digit IDs and bank-card-like runs', () => {
    expect(maskCitizenText('老身份证110105491231002')).toBe('老身份证110********1002');
    expect(maskCitizenText('卡号6222 0212 3456 7890')).toBe('卡号6222 **** **** 7890');
    expect(maskCitizenText('卡号6222021234567890123')).toBe('卡号622************0123');
  });

  it('masks landlines with area codes, and local numbers a word names as a phone', () => {
    expect(maskCitizenText('座机010-62345678')).toBe('座机010-****5678');
    expect(maskCitizenText('(0755)12345678')).toBe('(0755)****5678');
    expect(maskCitizenText('电话88886666')).toBe('电话****6666');
    expect(maskCitizenText('座机：6543210')).toBe('座机：***3210');
  });

  it('leaves short numbers alone: dates, times, amounts, request and case numbers', () => {
    const plain =
      '编号YW-20261128-0007，2026-11-28 14:30 反映，公交12路等了40分钟，金额1500元，订单202611280001，2026年11月28日';
    expect(maskCitizenText(plain)).toBe(plain);
    expect(maskCitizenText('20261128')).toBe('20261128');
  });

  it('masks every number in a text, not just the first', () => {
    expect(maskCitizenText('13812345678或13987654321')).toBe('138****5678或139****4321');
  });
});

describe('citizen names and channel ids', () => {
  it('keeps a name recognisable but not identifying', () => {
    expect(maskCitizenName('张伟')).toBe('张*');
    expect(maskCitizenName('张三丰')).toBe('张*丰');
    expect(maskCitizenName('欧阳娜娜')).toBe('欧**娜');
    expect(maskCitizenName('a_very_long_nickname')).toBe('a****e');
  });

  it('shows only the tail of a channel identity', () => {
    expect(maskCitizenId('wechat:oF3kQ9xLm2Va')).toBe('…m2Va');
    expect(citizenLabel({ id: 'weibo:5012887341', name: null }, true)).toBe('…7341');
    expect(citizenLabel({ id: 'wechat:oF3kQ9xLm2Va', name: '张伟' }, true)).toBe('张* …m2Va');
    expect(citizenLabel({ id: 'wechat:oF3kQ9xLm2Va', name: '张伟' }, false)).toBe('张伟 (wechat:oF3kQ9xLm2Va)');
  });
});

describe('summarize', () => {
  it('keeps short text whole and on one line', () => {
    expect(summarize('路灯\n不亮', 10)).toBe('路灯 不亮');
  });

  it('cuts long text with an ellipsis', () => {
    expect(summarize('小区东门路灯连续三天不亮，夜间出行不便', 8)).toBe('小区东门路灯连…');
  });

  it('never cuts through a number, so masking still recognises what is left', () => {
    const text = '市民反映路灯不亮，联系电话13812345678，请尽快处理';
    const cut = summarize(text, 18);
    expect(cut).toBe('市民反映路灯不亮，联系电话…');
    expect(maskCitizenText(summarize(text, 40))).toContain('138****5678');
  });
});

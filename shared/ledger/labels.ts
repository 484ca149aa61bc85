import type { Channel, RequestStatus } from '../model';

/** The words staff use on screen and in every export. */
export const CHANNEL_LABEL: Record<Channel, string> = { wechat: '微信', weibo: '微博', alipay: '支付宝' };

export const STATUS_LABEL: Record<RequestStatus, string> = {
  new: '待受理',
  accepted: '已受理',
  transferred: '已转派',
  replied: '已答复',
  closed: '已办结',
  junk: '无效',
  merged: '已合并',
};

export const NO_CATEGORY = '未分类';
export const NO_UNIT = '未转派';

export function yesNo(value: boolean | null): string {
  return value === null ? '—' : value ? '是' : '否';
}

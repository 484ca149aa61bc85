import type { Channel } from '../../../shared/model';
import { useT } from '../i18n/use-t';

export function ChannelBadge({ channel }: { channel: Channel }) {
  const t = useT();
  return <span className={`channel-badge channel-${channel}`}>{t(`channel.${channel}`)}</span>;
}

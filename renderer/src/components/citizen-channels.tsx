import type { LocalRequest } from '../../../shared/api/workstation-api';
import { channelOfIdentity, identitiesOf, type Citizen } from '../../../shared/model';
import { useT } from '../i18n/use-t';
import { ChannelBadge } from './channel-badge';

/** The channels besides this request's where the same (linked) citizen wrote from, once each. */
export function otherChannels(request: Pick<LocalRequest, 'channel' | 'citizen'>) {
  return [...new Set(identitiesOf(request.citizen).map(channelOfIdentity))].filter(
    (channel) => channel !== request.channel,
  );
}

/** A queue row's hint that the citizen is linked across channels: the other channels' badges. */
export function AlsoOnChannels({ request }: { request: Pick<LocalRequest, 'channel' | 'citizen'> }) {
  const t = useT();
  const channels = otherChannels(request);
  if (channels.length === 0) return null;
  const label = t('detail.alsoOn', { channels: channels.map((channel) => t(`channel.${channel}`)).join('、') });
  return (
    <span className="also-on" title={label} aria-label={label} data-testid="also-on" data-channels={channels.join(' ')}>
      {channels.map((channel) => (
        <ChannelBadge key={channel} channel={channel} />
      ))}
    </span>
  );
}

/** Every channel identity of the citizen, each with its channel: what the detail pane's citizen field lists. */
export function CitizenIdentities({ citizen }: { citizen: Citizen }) {
  return (
    <span className="citizen-identities" data-testid="citizen-identities">
      {identitiesOf(citizen).map((identity) => (
        <span key={identity} className="citizen-identity" data-testid="citizen-identity" data-identity={identity}>
          <ChannelBadge channel={channelOfIdentity(identity)} /> <span className="mono muted">{identity}</span>
        </span>
      ))}
    </span>
  );
}

import { useEffect, useState } from 'react';
import { mediaAddress } from '../bridge/media-address';
import { useT } from '../i18n/use-t';
import { useSync } from '../store/sync-store';

/**
 * A fetched picture, from the host by its address. The host has it, or fetches it from the server;
 * when neither can be done the picture says why instead, and is tried again once back online.
 */
export function MediaImage({ hash, large = false, onOpen }: { hash: string; large?: boolean; onOpen?: () => void }) {
  const t = useT();
  const online = useSync((s) => s.status?.online ?? true);
  const [failed, setFailed] = useState(false);
  useEffect(() => setFailed(false), [hash, online]);
  if (failed) {
    return (
      <span
        className="media-unavailable muted"
        data-testid="media-unavailable"
        data-offline={online ? undefined : 'true'}
      >
        {online ? t('attachment.notLoaded') : t('attachment.notOffline')}
      </span>
    );
  }
  return (
    <img
      className={large ? 'media-large' : 'media-thumbnail'}
      data-testid={large ? 'media-large' : 'media-thumbnail'}
      src={mediaAddress(hash)}
      alt={t('attachment.image')}
      onError={() => setFailed(true)}
      onClick={onOpen}
    />
  );
}

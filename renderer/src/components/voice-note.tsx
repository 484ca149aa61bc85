import { useState } from 'react';
import { mediaAddress } from '../bridge/media-address';
import { useT } from '../i18n/use-t';

/** Formats a browser plays; WeChat's AMR and Speex are not among them. */
const PLAYABLE = new Set(['mp3', 'mpeg', 'ogg', 'opus', 'wav']);

/** A fetched voice note: played in place when the browser can, else offered as a download (its recognition text is shown beside it). */
export function VoiceNote({ hash, format }: { hash: string; format: string | null }) {
  const t = useT();
  // An unknown format is tried; the host serves anything it cannot vouch for as a download, and playing it then fails.
  const [playable, setPlayable] = useState(format === null || PLAYABLE.has(format.toLowerCase()));
  if (playable) {
    return (
      <audio
        controls
        preload="metadata"
        src={mediaAddress(hash)}
        data-testid="voice-player"
        onError={() => setPlayable(false)}
      />
    );
  }
  return (
    <>
      <span className="muted">{t('attachment.notPlayable')}</span>
      <a href={mediaAddress(hash)} download data-testid="voice-download">
        {t('attachment.download')}
      </a>
    </>
  );
}

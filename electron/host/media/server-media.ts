import { SERVER_MEDIA_PATH } from '../../../shared/sync/media-address';
import { sha256 } from './media-cache';

const FETCH_TIMEOUT_MS = 15_000;

/**
 * offline: the server could not be reached (or nobody is signed in to ask it);
 * missing: the server has no such file; refused: any other answer, bytes that do not hash to the address included.
 */
export type ServerMedia =
  { ok: true; bytes: Buffer<ArrayBuffer> } | { ok: false; reason: 'offline' | 'missing' | 'refused' };

/** GET /api/media/<sha256> with the operator's token; the bytes count only if they hash to the address asked for. */
export async function fetchServerMedia(serverUrl: string, token: string | null, hash: string): Promise<ServerMedia> {
  if (!token) return { ok: false, reason: 'offline' };
  let response: Response;
  let bytes: Buffer<ArrayBuffer>;
  try {
    response = await fetch(new URL(SERVER_MEDIA_PATH + hash, serverUrl), {
      headers: { Authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
    bytes = Buffer.from(await response.arrayBuffer());
  } catch {
    return { ok: false, reason: 'offline' };
  }
  if (response.status === 404) return { ok: false, reason: 'missing' };
  if (!response.ok || sha256(bytes) !== hash) return { ok: false, reason: 'refused' };
  return { ok: true, bytes };
}

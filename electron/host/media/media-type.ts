/**
 * What a media file is, judged from its first bytes and never from what anyone declared: citizen
 * content is hostile, so only the formats below are handed to the browser as what they are.
 * Everything else (AMR and Speex voice, SVG, HTML, unknown) goes out as bytes to download.
 */
export interface MediaType {
  contentType: string;
  /** Shown or played in the page; otherwise offered as a download. */
  inline: boolean;
  /** For the download's file name. */
  extension: string;
}

const ascii = (bytes: Buffer, at: number, text: string) =>
  bytes.subarray(at, at + text.length).toString('latin1') === text;

const KNOWN: readonly { test: (b: Buffer) => boolean; type: MediaType }[] = [
  {
    test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
    type: { contentType: 'image/jpeg', inline: true, extension: 'jpg' },
  },
  { test: (b) => ascii(b, 0, '\x89PNG\r\n\x1a\n'), type: { contentType: 'image/png', inline: true, extension: 'png' } },
  {
    test: (b) => ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a'),
    type: { contentType: 'image/gif', inline: true, extension: 'gif' },
  },
  {
    test: (b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP'),
    type: { contentType: 'image/webp', inline: true, extension: 'webp' },
  },
  {
    test: (b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WAVE'),
    type: { contentType: 'audio/wav', inline: true, extension: 'wav' },
  },
  // MP3: an ID3 tag, or straight into an MPEG-1/2 layer III frame.
  {
    test: (b) => ascii(b, 0, 'ID3') || (b[0] === 0xff && [0xfb, 0xf3, 0xf2].includes(b[1]!)),
    type: { contentType: 'audio/mpeg', inline: true, extension: 'mp3' },
  },
  // Ogg plays when it carries Opus or Vorbis; Speex in Ogg (WeChat's other voice format) does not.
  {
    test: (b) => ascii(b, 0, 'OggS') && oggCodec(b.subarray(0, 64).toString('latin1')),
    type: { contentType: 'audio/ogg', inline: true, extension: 'ogg' },
  },
  {
    test: (b) => ascii(b, 0, '#!AMR'),
    type: { contentType: 'application/octet-stream', inline: false, extension: 'amr' },
  },
  {
    test: (b) => ascii(b, 0, 'OggS'),
    type: { contentType: 'application/octet-stream', inline: false, extension: 'ogg' },
  },
];

const UNKNOWN: MediaType = { contentType: 'application/octet-stream', inline: false, extension: 'bin' };

export function mediaTypeOf(bytes: Buffer): MediaType {
  return KNOWN.find((known) => known.test(bytes))?.type ?? UNKNOWN;
}

function oggCodec(head: string): boolean {
  return head.includes('OpusHead') || head.includes('\u0001vorbis');
}

import { describe, expect, it } from 'vitest';
import { mediaTypeOf } from '../../electron/host/media/media-type';

// What the workstation hands the page is decided by the bytes alone: a platform's or a citizen's
// claim about a file never makes it an image, and nothing that can run is ever shown as what it is.

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('media types, from the bytes', () => {
  it.each([
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
    ['PNG', bytes('\x89PNG\r\n\x1a\n', [0, 0, 0, 13]), 'image/png'],
    ['GIF', bytes('GIF89a', [1, 0, 1, 0]), 'image/gif'],
    ['WebP', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    ['WAV', bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '), 'audio/wav'],
    ['MP3 with an ID3 tag', bytes('ID3', [4, 0, 0]), 'audio/mpeg'],
    ['MP3 frames', bytes([0xff, 0xfb, 0x90, 0x64]), 'audio/mpeg'],
    ['Ogg Opus', bytes('OggS', Array(24).fill(0), 'OpusHead'), 'audio/ogg'],
  ])('shows %s as what it is', (_name, file, type) => {
    expect(mediaTypeOf(file)).toMatchObject({ contentType: type, inline: true });
  });

  it.each([
    ['AMR voice (WeChat)', bytes('#!AMR\n', [0x3c]), 'amr'],
    ['Speex in Ogg (WeChat)', bytes('OggS', Array(24).fill(0), 'Speex   '), 'ogg'],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'bin'],
    ['HTML', bytes('<!doctype html><script>alert(1)</script>'), 'bin'],
    ['HTML behind a byte-order mark', bytes([0xef, 0xbb, 0xbf], '<html>'), 'bin'],
    ['nothing at all', bytes(), 'bin'],
  ])('offers %s as a download only', (_name, file, extension) => {
    expect(mediaTypeOf(file)).toEqual({ contentType: 'application/octet-stream', inline: false, extension });
  });
});

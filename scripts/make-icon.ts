import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

/**
 * Draws build/icon.png (512×512, RGBA) without any image tool: a red rounded square with a white
 * ring crossed by one bar — "一网", one net. Run `npx tsx scripts/make-icon.ts` to redraw it.
 */

const SIZE = 512;
const SAMPLES = 4; // per axis, for anti-aliased edges
const RED = [200, 16, 46] as const;
const WHITE = [255, 255, 255] as const;

type Shade = 'clear' | 'red' | 'white';

function shadeAt(x: number, y: number): Shade {
  const c = SIZE / 2;
  const margin = 24;
  const radius = 96;
  // Rounded square: distance to the inner rectangle shrunk by the corner radius.
  const dx = Math.max(Math.abs(x - c) - (c - margin - radius), 0);
  const dy = Math.max(Math.abs(y - c) - (c - margin - radius), 0);
  if (Math.hypot(dx, dy) > radius) return 'clear';
  const r = Math.hypot(x - c, y - c);
  if (r > 128 && r < 164) return 'white';
  if (Math.abs(y - c) < 18 && Math.abs(x - c) < 190) return 'white';
  return 'red';
}

function pixels(): Buffer {
  const rowBytes = SIZE * 4 + 1;
  const raw = Buffer.alloc(rowBytes * SIZE);
  for (let y = 0; y < SIZE; y++) {
    raw[y * rowBytes] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      let red = 0;
      let white = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const shade = shadeAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
          if (shade === 'red') red++;
          else if (shade === 'white') white++;
        }
      }
      const covered = red + white;
      const at = y * rowBytes + 1 + x * 4;
      for (let i = 0; i < 3; i++) raw[at + i] = covered ? Math.round((RED[i]! * red + WHITE[i]! * white) / covered) : 0;
      raw[at + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
  }
  return raw;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no interlace

writeFileSync(
  'build/icon.png',
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels(), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]),
);

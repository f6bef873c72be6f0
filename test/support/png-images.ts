/**
 * Small images written byte by byte for the tests of the legal package's pieces: a PNG of any size
 * (its header read before pdf-lib decodes it), a grey one with shades, and a noisy one that pdf-lib
 * stores much larger than the file.
 */
import { crc32, deflateSync } from 'node:zlib';

/** A PNG of 8-bit grey (colour type 0) or RGB (2) pixels; `raw`: the rows, each after its filter byte. */
export function pngOf(width: number, height: number, colourType: 0 | 2, raw: Uint8Array): Buffer {
  const chunk = (type: string, data: Uint8Array) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, colourType, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A grey PNG of `width` x `height`, its shades from `seed`. */
export function greyPng(width: number, height: number, seed: number): Buffer {
  const raw = Buffer.alloc((width + 1) * height, 0);
  for (let i = 0; i < raw.length; i++) if (i % (width + 1) !== 0) raw[i] = (i * seed) % 251;
  return pngOf(width, height, 0, raw);
}

/**
 * An RGB PNG of noise stored as small differences between neighbours (the Sub filter): a small
 * file, but pixels pdf-lib deflates again as they are, hardly smaller than width × height × 3.
 */
export function noisyPng(width: number, height: number, seed: number): Buffer {
  const raw = Buffer.alloc((3 * width + 1) * height);
  let state = seed;
  for (let y = 0; y < height; y++) {
    raw[y * (3 * width + 1)] = 1;
    for (let x = 1; x <= 3 * width; x++) {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      raw[y * (3 * width + 1) + x] = state % 6;
    }
  }
  return pngOf(width, height, 2, raw);
}

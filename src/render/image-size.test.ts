/** The pixel size read from an image's header, before anything decodes it. */
import { describe, expect, it } from 'vitest';
import { jpegSize, pngSize } from './image-size.ts';

/** PNG chunks as laid out (length, type, data, a CRC this reader does not check). */
function pngChunks(chunks: [string, number[]][]): Uint8Array {
  const bytes = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  for (const [type, data] of chunks) {
    const length = data.length;
    bytes.push(length >>> 24, (length >>> 16) & 0xff, (length >>> 8) & 0xff, length & 0xff);
    bytes.push(...[...type].map((c) => c.charCodeAt(0)), ...data, 0, 0, 0, 0);
  }
  return new Uint8Array(bytes);
}

const u32 = (v: number) => [v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
const ihdr = (width: number, height: number): [string, number[]] => [
  'IHDR',
  [...u32(width), ...u32(height), 8, 2, 0, 0, 0],
];

describe('pngSize', () => {
  it('reads the size of the IHDR chunk, past the chunks before the image data', () => {
    const png = pngChunks([ihdr(30_000, 20_000), ['pHYs', [0, 0, 0, 1, 0, 0, 0, 1, 0]], ['IDAT', [1]]]);
    expect(pngSize(png)).toEqual({ width: 30_000, height: 20_000 });
    // Read where it lies in a larger buffer (as a database driver may hand it over).
    const inside = new Uint8Array(png.length + 5);
    inside.set(png, 5);
    expect(pngSize(inside.subarray(5))).toEqual({ width: 30_000, height: 20_000 });
  });

  it('refuses an animated PNG, a header of the wrong length or a size of zero', () => {
    expect(pngSize(pngChunks([ihdr(10, 10), ['acTL', [0, 0, 0, 2, 0, 0, 0, 0]], ['IDAT', [1]]]))).toBeNull();
    expect(
      pngSize(
        pngChunks([
          ['IHDR', [...u32(10), ...u32(10), 8, 2, 0, 0]],
          ['IDAT', [1]],
        ]),
      ),
    ).toBeNull();
    expect(pngSize(pngChunks([ihdr(0, 10), ['IDAT', [1]]]))).toBeNull();
    expect(pngSize(pngChunks([ihdr(10, 10)]))).toBeNull();
    expect(pngSize(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
  });
});

describe('jpegSize', () => {
  const sof = (marker: number, width: number, height: number) => [
    0xff,
    marker,
    0,
    11,
    8,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    1,
    1,
    0x11,
    0,
  ];
  const app0 = [0xff, 0xe0, 0, 4, 0, 0];
  const huffman = [0xff, 0xc4, 0, 3, 0];

  it('reads the first start of frame, baseline or progressive, past other segments and fill bytes', () => {
    expect(jpegSize(new Uint8Array([0xff, 0xd8, ...app0, ...sof(0xc0, 4000, 3000)]))).toEqual({
      width: 4000,
      height: 3000,
    });
    expect(jpegSize(new Uint8Array([0xff, 0xd8, ...huffman, 0xff, ...sof(0xc2, 640, 480)]))).toEqual({
      width: 640,
      height: 480,
    });
  });

  it('finds none without a frame before the scan, or with a size of zero', () => {
    expect(jpegSize(new Uint8Array([0xff, 0xd8, ...app0, 0xff, 0xda, 0, 2, ...sof(0xc0, 1, 1)]))).toBeNull();
    expect(jpegSize(new Uint8Array([0xff, 0xd8, ...sof(0xc0, 100, 0)]))).toBeNull();
    expect(jpegSize(new Uint8Array([0xff, 0xd8, ...sof(0xc0, 100, 100)].slice(0, 8)))).toBeNull();
    expect(jpegSize(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
  });
});

/**
 * The size in pixels an image declares in its header, read before anything decodes it: pdf-lib
 * turns a PNG into full RGBA pixels and keeps an RGB copy (about 7 bytes a pixel at once), so a
 * file of a few kilobytes declaring 30 000 × 30 000 pixels would take gigabytes of the server's
 * memory. A JPEG is embedded as it is stored, but whoever opens the package decodes it.
 */

export interface PixelSize {
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * From the IHDR chunk; null when the header is damaged, or for an animated PNG (an acTL chunk
 * before the image data): pdf-lib decodes every frame before refusing more than one.
 */
export function pngSize(png: Uint8Array): PixelSize | null {
  if (png.length < 33 || !PNG_SIGNATURE.every((byte, i) => png[i] === byte)) return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunkType = (at: number) => String.fromCharCode(...png.subarray(at + 4, at + 8));
  if (view.getUint32(8) !== 13 || chunkType(8) !== 'IHDR') return null;
  const size = { width: view.getUint32(16), height: view.getUint32(20) };
  if (size.width === 0 || size.height === 0) return null;
  for (let at = 33; at + 8 <= png.length; at += 12 + view.getUint32(at)) {
    const type = chunkType(at);
    if (type === 'acTL') return null;
    if (type === 'IDAT') return size;
  }
  return null;
}

/** Start-of-frame markers (0xC0–0xCF) but DHT, JPG and DAC, which share the range. */
const isStartOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
const START_OF_SCAN = 0xda;

/** From the first start-of-frame segment; null when there is none before the scan. */
export function jpegSize(jpeg: Uint8Array): PixelSize | null {
  const view = new DataView(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength);
  if (jpeg.length < 4 || view.getUint16(0) !== 0xffd8) return null;
  let offset = 2;
  while (offset + 4 <= jpeg.length && jpeg[offset] === 0xff) {
    const marker = jpeg[offset + 1] ?? 0;
    // Any 0xFF may be followed by fill bytes of 0xFF before the marker itself.
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    const length = view.getUint16(offset + 2);
    if (marker === START_OF_SCAN || length < 2) return null;
    if (isStartOfFrame(marker)) {
      if (offset + 9 > jpeg.length) return null;
      const size = { width: view.getUint16(offset + 7), height: view.getUint16(offset + 5) };
      return size.width > 0 && size.height > 0 ? size : null;
    }
    offset += 2 + length;
  }
  return null;
}

/**
 * The EXIF orientation of a JPEG (tag 0x0112 of its first image directory): a phone stores the
 * photo as its sensor read it and says in this tag how to turn it, so a photo of a delivery note
 * taken upright would print on its side without it. 1 (as stored) when absent or unreadable.
 */

/** 1 as stored; 2 mirrored; 3 turned half a turn; 4 flipped; 5–8 the same, a quarter turn over. */
export type Orientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

const ORIENTATION_TAG = 0x0112;
const START_OF_SCAN = 0xda;
const APP1 = 0xe1;

export function jpegOrientation(jpeg: Uint8Array): Orientation {
  const view = new DataView(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength);
  if (jpeg.length < 4 || view.getUint16(0) !== 0xffd8) return 1;
  let offset = 2;
  while (offset + 4 <= jpeg.length && jpeg[offset] === 0xff) {
    const marker = jpeg[offset + 1] ?? 0;
    const length = view.getUint16(offset + 2);
    if (marker === START_OF_SCAN || length < 2) return 1;
    if (marker === APP1 && isExifHeader(jpeg, offset + 4))
      return tiffOrientation(view, offset + 10, offset + 2 + length);
    offset += 2 + length;
  }
  return 1;
}

function isExifHeader(jpeg: Uint8Array, at: number): boolean {
  const header = [0x45, 0x78, 0x69, 0x66, 0, 0]; // "Exif\0\0"
  return header.every((byte, i) => jpeg[at + i] === byte);
}

/** Reads the orientation from the TIFF structure at `start`, never past `end` (the segment's). */
function tiffOrientation(view: DataView, start: number, end: number): Orientation {
  const inside = (at: number, bytes: number) => at >= start && at + bytes <= Math.min(end, view.byteLength);
  if (!inside(start, 8)) return 1;
  const order = view.getUint16(start);
  if (order !== 0x4949 && order !== 0x4d4d) return 1;
  const little = order === 0x4949;
  const directory = start + view.getUint32(start + 4, little);
  if (!inside(directory, 2)) return 1;
  const entries = view.getUint16(directory, little);
  for (let i = 0; i < entries; i++) {
    const entry = directory + 2 + i * 12;
    if (!inside(entry, 12)) return 1;
    if (view.getUint16(entry, little) !== ORIENTATION_TAG) continue;
    const value = view.getUint16(entry + 8, little);
    return value >= 1 && value <= 8 ? (value as Orientation) : 1;
  }
  return 1;
}

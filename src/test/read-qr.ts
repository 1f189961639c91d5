import { inflateSync } from 'node:zlib';
import jsQR from 'jsqr';

/**
 * What a phone's camera would read from a QR image: the PNG (8-bit grayscale, unfiltered rows, as
 * the simulated provider writes it) decoded to pixels and handed to a QR decoder. Null when no QR
 * code can be read.
 */
export function readQr(pngBase64: string): string | null {
  const png = Buffer.from(pngBase64, 'base64');
  if (!png.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]))) throw new Error('not a PNG');
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[9] !== 0) throw new Error('not an 8-bit grayscale PNG');
    }
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    if (raw[y * (width + 1)] !== 0) throw new Error('a filtered row');
    for (let x = 0; x < width; x++) {
      const gray = raw[y * (width + 1) + 1 + x] ?? 0;
      rgba.set([gray, gray, gray, 255], (y * width + x) * 4);
    }
  }
  return jsQR(rgba, width, height)?.data ?? null;
}

import { create } from 'qrcode';
import { grayscalePngBase64 } from './png';

/** Pixels per module and the quiet zone around the symbol (in modules), as scanners expect. */
const SCALE = 4;
const QUIET = 4;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * What a phone would read from WhatsApp's QR: a reference and three keys, comma-separated, new for
 * each image. The simulated one has the same shape and size, from the simulated provider's random.
 */
export function qrPayload(random: () => number): string {
  const text = (length: number) => Array.from({ length }, () => BASE64[Math.floor(random() * 64)] ?? 'A').join('');
  return `2@${text(60)},${text(43)}=,${text(43)}=,${text(43)}=`;
}

/** A real, scannable QR code of `payload`: black modules on white with the quiet zone, as a PNG in base64. */
export function qrPngBase64(payload: string): string {
  const { modules } = create(payload, { errorCorrectionLevel: 'L' });
  const side = (modules.size + QUIET * 2) * SCALE;
  const pixels = new Uint8Array(side * side).fill(255);
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) {
      if (!modules.get(row, column)) continue;
      for (let dy = 0; dy < SCALE; dy++) {
        const start = ((row + QUIET) * SCALE + dy) * side + (column + QUIET) * SCALE;
        pixels.fill(0, start, start + SCALE);
      }
    }
  }
  return grayscalePngBase64(side, side, pixels);
}

import { grayscalePngBase64 } from './png';

const GLYPHS: Record<string, readonly string[]> = {
  '0': ['01110', '10001', '10011', '10101', '11001', '10001', '01110'],
  '1': ['00100', '01100', '00100', '00100', '00100', '00100', '01110'],
  '2': ['01110', '10001', '00001', '00010', '00100', '01000', '11111'],
  '3': ['11110', '00001', '00001', '01110', '00001', '00001', '11110'],
  '4': ['00010', '00110', '01010', '10010', '11111', '00010', '00010'],
  '5': ['11111', '10000', '11110', '00001', '00001', '10001', '01110'],
  '6': ['00110', '01000', '10000', '11110', '10001', '10001', '01110'],
  '7': ['11111', '00001', '00010', '00100', '01000', '01000', '01000'],
  '8': ['01110', '10001', '10001', '01110', '10001', '10001', '01110'],
  '9': ['01110', '10001', '10001', '01111', '00001', '00010', '01100'],
};

const SCALE = 4;
const GLYPH_W = 5 * SCALE;
const GLYPH_H = 7 * SCALE;
const GAP = 8;
const PAD = 12;

/** Draws the simulated captcha: the digits of `text` on a noisy background, as a grayscale PNG in base64. */
export function captchaPngBase64(text: string, seed: number): string {
  const width = PAD * 2 + text.length * GLYPH_W + (text.length - 1) * GAP;
  const height = GLYPH_H + PAD * 2;
  const pixels = new Uint8Array(width * height).fill(236);
  const random = mulberry32(seed);

  for (let i = 0; i < width * height * 0.06; i++) pixels[Math.floor(random() * width * height)] = 150;

  text.split('').forEach((char, index) => {
    const glyph = GLYPHS[char];
    if (!glyph) return;
    const left = PAD + index * (GLYPH_W + GAP);
    const top = PAD + Math.round((random() - 0.5) * 8);
    glyph.forEach((row, y) => {
      row.split('').forEach((bit, x) => {
        if (bit !== '1') return;
        for (let dy = 0; dy < SCALE; dy++) {
          for (let dx = 0; dx < SCALE; dx++) pixels[(top + y * SCALE + dy) * width + left + x * SCALE + dx] = 40;
        }
      });
    });
  });

  for (let line = 0; line < 2; line++) {
    const y0 = random() * height;
    const slope = (random() - 0.5) * 0.4;
    for (let x = 0; x < width; x++) {
      const y = Math.round(y0 + slope * x);
      if (y >= 0 && y < height) pixels[y * width + x] = 90;
    }
  }

  return grayscalePngBase64(width, height, pixels);
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * SVG to PNG with resvg, text set in Noto Sans (the font the PDFs embed), never a system
 * font: the picture comes out the same on every machine.
 */
import { createHash } from 'node:crypto';

import { renderAsync, Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';

import { notoSansPaths } from './fonts.server';

/**
 * Finished PNGs by the SVG they draw. A .docx carries a PNG beside each chart's SVG (for
 * word processors that cannot draw SVG), and resvg takes about 30 ms per chart, half of
 * it loading the fonts: a yearly report with forty indicators spends most of its time
 * there (docs/benchmarks.md). The same figures give the same SVG byte for byte, so a
 * report downloaded again — an adopted version never changes, a concept changes a few
 * charts at a time — draws only what changed. Bounded by count and bytes; oldest out first.
 */
const MAX_ENTRIES = 400;
const MAX_BYTES = 32 * 1024 * 1024;
const cache = new Map<string, Buffer>();
let cachedBytes = 0;

function remember(key: string, png: Buffer) {
  cache.set(key, png);
  cachedBytes += png.byteLength;
  for (const [oldest, buffer] of cache) {
    if (cache.size <= MAX_ENTRIES && cachedBytes <= MAX_BYTES) break;
    cache.delete(oldest);
    cachedBytes -= buffer.byteLength;
  }
}

function options(pixels: number): ResvgRenderOptions {
  const fonts = notoSansPaths();
  return {
    fitTo: { mode: 'width', value: pixels },
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles: [fonts.regular, fonts.bold], defaultFontFamily: 'Noto Sans', sansSerifFamily: 'Noto Sans' },
    logLevel: 'off',
  };
}

const keyOf = (svg: string, pixels: number) => `${pixels}:${createHash('sha256').update(svg).digest('base64')}`;

function kept(key: string): Buffer | undefined {
  const png = cache.get(key);
  if (png) {
    cache.delete(key);
    cache.set(key, png); // most recently used
  }
  return png;
}

/** A PNG `width` pixels wide on a white background. */
export function renderSvgToPng(svg: string, width: number): Buffer {
  const pixels = Math.round(width);
  const key = keyOf(svg, pixels);
  const cached = kept(key);
  if (cached) return cached;
  const png = new Resvg(svg, options(pixels)).render().asPng();
  remember(key, png);
  return png;
}

/**
 * Draws the PNGs a document is about to ask for, in resvg's own threads (libuv's pool) and
 * in parallel, so the document then finds them all kept. A report with a hundred charts is
 * otherwise seconds of the one JavaScript thread that also relays the live notes.
 */
export async function prepareSvgPngs(pictures: { svg: string; width: number }[]): Promise<void> {
  const missing = new Map<string, { svg: string; pixels: number }>();
  for (const { svg, width } of pictures) {
    const pixels = Math.round(width);
    const key = keyOf(svg, pixels);
    if (!cache.has(key)) missing.set(key, { svg, pixels });
  }
  await Promise.all(
    [...missing].map(async ([key, { svg, pixels }]) => {
      const rendered = await renderAsync(svg, options(pixels));
      remember(key, rendered.asPng());
    }),
  );
}

/** How many PNGs are kept, and their bytes (tests). */
export function pngCacheStats(): { entries: number; bytes: number } {
  return { entries: cache.size, bytes: cachedBytes };
}

/** Forget every PNG (benchmarks measuring a first download). */
export function clearPngCache() {
  cache.clear();
  cachedBytes = 0;
}

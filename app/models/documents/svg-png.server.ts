/**
 * SVG to PNG with resvg, text set in Noto Sans (the font the PDFs embed), never a system
 * font: the picture comes out the same on every machine.
 */
import { Resvg } from '@resvg/resvg-js';

import { notoSansPaths } from './fonts.server';

/** A PNG `width` pixels wide on a white background. */
export function renderSvgToPng(svg: string, width: number): Buffer {
  const fonts = notoSansPaths();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(width) },
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles: [fonts.regular, fonts.bold], defaultFontFamily: 'Noto Sans', sansSerifFamily: 'Noto Sans' },
    logLevel: 'off',
  });
  return resvg.render().asPng();
}

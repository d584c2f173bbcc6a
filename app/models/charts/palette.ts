/**
 * Colours and fill patterns for charts. WCAG 2.1 AA asks 3:1 for the graphical parts of a
 * chart (1.4.11) and never colour alone (1.4.1). Every series colour below has at least
 * 3:1 against the white background (tested); neighbouring parts are separated by white
 * gaps, several carry a line pattern, and values are written as text beside or on them.
 * The first colours are the app's own (app/styles/app.css: --koers-blue, success, danger).
 */
import { el, r, type SvgNode } from './svg';

export const BACKGROUND = '#ffffff';
export const TEXT = '#1a1a1a';
export const MUTED = '#4d4d4d';
export const GRID = '#d4d4d4';
export const AXIS = '#4d4d4d';
/** The edge of an empty cell: 4.5:1 against white. */
export const EMPTY_EDGE = '#767676';

export type Pattern = 'none' | 'diagonal' | 'backDiagonal' | 'horizontal' | 'vertical' | 'crosshatch';

/** How a part of a chart is painted: a colour and, to tell parts apart without colour, a pattern. */
export type Fill = { colour: string; pattern?: Pattern };

/** Series in order: bars and lines take these unless the caller names its own. */
export const SERIES_FILLS: readonly Fill[] = [
  { colour: '#154273', pattern: 'none' },
  { colour: '#b34700', pattern: 'diagonal' },
  { colour: '#1e6b32', pattern: 'none' },
  { colour: '#8e2a75', pattern: 'horizontal' },
  { colour: '#4d4d4d', pattern: 'crosshatch' },
  { colour: '#0b6e8a', pattern: 'vertical' },
];

export function seriesFill(index: number): Fill {
  return SERIES_FILLS[index % SERIES_FILLS.length];
}

/** Steps of a sequential scale, light to dark, for heatmaps (the first is "nothing"). */
export const SEQUENTIAL: readonly string[] = ['#ffffff', '#d3e0f0', '#8fb0d9', '#3f72b0', '#154273'];

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of a "#rrggbb" colour (WCAG 2.1). */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** Text on a coloured surface: dark or white, whichever contrasts more (always ≥ 4.5:1). */
export function textOn(colour: string): string {
  return contrast(colour, TEXT) >= contrast(colour, BACKGROUND) ? TEXT : BACKGROUND;
}

/**
 * The lines of a pattern inside a rectangle, as one path computed here (not an SVG
 * <pattern>, which Word and some PDF converters draw badly). Lines are in the surface's
 * text colour, half transparent, so they read on light and dark colours alike.
 */
export function patternPath(fill: Fill, x: number, y: number, width: number, height: number): SvgNode | null {
  const pattern = fill.pattern ?? 'none';
  if (pattern === 'none' || width < 2 || height < 2) return null;
  const step = 6;
  const segments: string[] = [];
  const line = (x1: number, y1: number, x2: number, y2: number) => segments.push(`M${r(x1)} ${r(y1)}L${r(x2)} ${r(y2)}`);
  const diagonal = (rising: boolean) => {
    // Lines u + v = s (u from the left edge, v from the top or the bottom edge).
    for (let s = step; s < width + height; s += step) {
      const u1 = Math.max(0, s - height);
      const u2 = Math.min(width, s);
      const v1 = s - u1;
      const v2 = s - u2;
      if (rising) line(x + u1, y + v1, x + u2, y + v2);
      else line(x + u1, y + height - v1, x + u2, y + height - v2);
    }
  };
  if (pattern === 'diagonal' || pattern === 'crosshatch') diagonal(true);
  if (pattern === 'backDiagonal' || pattern === 'crosshatch') diagonal(false);
  if (pattern === 'horizontal') for (let v = step / 2; v < height; v += step) line(x, y + v, x + width, y + v);
  if (pattern === 'vertical') for (let u = step / 2; u < width; u += step) line(x + u, y, x + u, y + height);
  return el('path', {
    d: segments.join(''),
    stroke: textOn(fill.colour),
    'stroke-opacity': 0.45,
    'stroke-width': 1.5,
    fill: 'none',
  });
}

/** Too light to show its own shape on white (below 3:1): such a part gets a grey edge. */
export function isLight(colour: string): boolean {
  return contrast(colour, BACKGROUND) < 3;
}

/**
 * A filled rectangle with its pattern, drawn `gap` units inside its box so that
 * neighbouring parts keep white between them. A light colour gets a grey edge.
 */
export function filledRect(fill: Fill, x: number, y: number, width: number, height: number, gap = 1): SvgNode[] {
  const light = isLight(fill.colour);
  const inset = light ? gap + 0.5 : gap;
  const w = Math.max(0, width - 2 * inset);
  const h = Math.max(0, height - 2 * inset);
  const nodes: SvgNode[] = [
    el('rect', {
      x: r(x + inset),
      y: r(y + inset),
      width: r(w),
      height: r(h),
      fill: fill.colour,
      stroke: light ? EMPTY_EDGE : undefined,
    }),
  ];
  const lines = patternPath(fill, x + inset, y + inset, w, h);
  if (lines) nodes.push(lines);
  return nodes;
}

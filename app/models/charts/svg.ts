/**
 * A chart as a plain tree of SVG elements: built once by the layout functions and drawn
 * by two thin renderers — React on the pages (app/components/charts) and a string
 * serialiser for documents (PNG, .docx, PDF) — so every output shows the same figures.
 * Attribute names are SVG's own (`font-size`, `text-anchor`); only portable features are
 * used (no CSS, no <pattern>, no dominant-baseline) so resvg, svg-to-pdfkit and Word draw
 * what the browser draws.
 */
import { escapeMarkup } from '../../utils/markup';

export type SvgTag = 'svg' | 'title' | 'desc' | 'g' | 'rect' | 'line' | 'path' | 'circle' | 'text' | 'tspan';

export type SvgAttributes = Record<string, string | number | undefined>;

export type SvgNode = { tag: SvgTag; attrs: SvgAttributes; children: SvgChild[] };
export type SvgChild = SvgNode | string;

export function el(tag: SvgTag, attrs: SvgAttributes = {}, children: SvgChild[] = []): SvgNode {
  return { tag, attrs, children };
}

/** Coordinates with at most one decimal (a tenth of a pixel): compact markup, identical on every engine. */
export function r(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The node as SVG markup. The root gets the SVG namespace so the string stands alone as a file. */
export function toSvgString(node: SvgNode, root = true): string {
  const attrs = Object.entries(node.attrs)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeMarkup(String(value))}"`)
    .join('');
  const namespace = root && node.tag === 'svg' ? ' xmlns="http://www.w3.org/2000/svg"' : '';
  return `<${node.tag}${namespace}${attrs}>${innerSvgString(node)}</${node.tag}>`;
}

/** What is inside the node, as escaped SVG markup (the pages draw the root element themselves). */
export function innerSvgString(node: SvgNode): string {
  return node.children.map((child) => (typeof child === 'string' ? escapeMarkup(child) : toSvgString(child, false))).join('');
}

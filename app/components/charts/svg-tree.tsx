import { createElement, type ReactNode } from 'react';

import { type SvgAttributes, type SvgChild } from '../../models/charts/svg';
import { keptInnerSvgString } from './kept-drawings';

/** SVG attribute names as React props: `font-size` → `fontSize`, `class` → `className`; aria-* and data-* stay. */
function reactProps(attrs: SvgAttributes): Record<string, string | number> {
  const props: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    if (name === 'class') props.className = value;
    else if (name.startsWith('aria-') || name.startsWith('data-')) props[name] = value;
    else props[name.replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase())] = value;
  }
  return props;
}

/**
 * Draws a chart's SVG tree (app/models/charts/svg.ts): the same tree the documents
 * serialise, so the page and the .docx/PDF show the same drawing. The root element is a
 * React element (its role and accessible name stay visible to React); everything inside
 * it is the documents' own escaped markup string. A React element per rectangle, line
 * and label cost about a millisecond per chart on the server — the monitor page draws 48
 * — while the string costs a tenth of that (docs/benchmarks.md). The drawing is static,
 * so nothing inside it ever needs React.
 */
export function SvgTree({ node }: { node: SvgChild }): ReactNode {
  if (typeof node === 'string') return node;
  return createElement(node.tag, { ...reactProps(node.attrs), dangerouslySetInnerHTML: { __html: keptInnerSvgString(node) } });
}

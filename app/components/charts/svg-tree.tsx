import { createElement, type ReactNode } from 'react';

import type { SvgAttributes, SvgChild } from '../../models/charts/svg';

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
 * Draws a chart's SVG tree (app/models/charts/svg.ts) as React elements: the same tree the
 * documents serialise, so the page and the .docx/PDF show the same drawing. Pure markup —
 * it renders on the server and hydrates without any change.
 */
export function SvgTree({ node }: { node: SvgChild }): ReactNode {
  if (typeof node === 'string') return node;
  return createElement(
    node.tag,
    reactProps(node.attrs),
    ...node.children.map((child, i) => (typeof child === 'string' ? child : <SvgTree key={i} node={child} />)),
  );
}

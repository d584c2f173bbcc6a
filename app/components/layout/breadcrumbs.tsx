import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';

export type Crumb = { to: string; label: ReactNode };

/**
 * The breadcrumb trail above a page's h1: links to the pages above this one, then this
 * page itself as plain text marked aria-current="page". `label` names the navigation
 * landmark (each area keeps its own text).
 */
export function Breadcrumbs({ label, trail, current }: { label: string; trail: Crumb[]; current: ReactNode }) {
  return (
    <nav aria-label={label} className="breadcrumbs">
      <ol>
        {trail.map((step) => (
          <li key={step.to}>
            <Link to={step.to}>{step.label}</Link>
          </li>
        ))}
        <li>
          <span aria-current="page">{current}</span>
        </li>
      </ol>
    </nav>
  );
}

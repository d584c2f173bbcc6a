import { Link } from '@remix-run/react';

/**
 * "Previous / next" links under a paged list (acties, kennisbank, zoeken), with rel=prev/next;
 * nothing when everything fits on one page. `current` ("Pagina 2 van 5") stands between them.
 */
export function PageLinks({
  label,
  className,
  page,
  pageCount,
  href,
  previous,
  next,
  current,
}: {
  label: string;
  className: string;
  page: number;
  pageCount: number;
  href: (page: number) => string;
  previous: string;
  next: string;
  current?: string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className={className}>
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev">
          {previous}
        </Link>
      ) : null}
      {current ? <span aria-current="page">{current}</span> : null}
      {page < pageCount ? (
        <Link to={href(page + 1)} rel="next">
          {next}
        </Link>
      ) : null}
    </nav>
  );
}

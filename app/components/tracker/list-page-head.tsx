import { Link } from '@remix-run/react';

/**
 * The top of a list page (acties, overleggen, kennisbank): the h1 with, for those who
 * may add, the button that adds a new one beside it, then the lead paragraph.
 */
export function ListPageHead({ title, lead, add }: { title: string; lead: string; add: { to: string; label: string } | null }) {
  return (
    <>
      <div className="section-head">
        <h1>{title}</h1>
        {add ? (
          <Link to={add.to} className="button">
            {add.label}
          </Link>
        ) : null}
      </div>
      <p className="lead">{lead}</p>
    </>
  );
}

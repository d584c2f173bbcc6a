import { t } from '../../i18n';

/** The trekker of an action: the person, with their organisation beneath; or just the organisation. */
export function OwnerText({ person, organisation }: { person: string | null; organisation: string | null }) {
  if (!person && !organisation) return <span className="muted">{t.tracker.action.noOwner}</span>;
  return (
    <span className="owner">
      {person ? <span className="owner__person">{person}</span> : null}
      {/* Where the two are not stacked (inline, as in the notes) they must not run together. */}
      {person && organisation ? ' ' : null}
      {organisation ? <span className={person ? 'owner__org muted' : 'owner__org'}>{organisation}</span> : null}
    </span>
  );
}

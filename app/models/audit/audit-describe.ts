/** An audit row in words, for the beheer page and the CSV export alike. Browser-safe. */
import { t } from '../../i18n';

const a = t.audit;

type Row = {
  actorId: number | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: number | null;
  targetName: string | null;
  details: Record<string, string | number | boolean | null>;
};

/** "Persoon: Anna de Vries", "Pagina: GET /beheer", "Bestand: verslag.pdf (12)". */
export function describeTarget(row: Pick<Row, 'targetType' | 'targetId' | 'targetName'>): string {
  if (!row.targetType) return a.table.none;
  const kind = a.targets[row.targetType] ?? row.targetType;
  const name = row.targetName ?? (row.targetId !== null ? `#${row.targetId}` : '');
  const id = row.targetName && row.targetId !== null && row.targetType !== 'user' ? ` (#${row.targetId})` : '';
  return `${kind}: ${name}${id}`;
}

/** The particulars in Dutch: "reden: onjuist wachtwoord; e-mailadres: …". */
export function describeDetails(details: Row['details']): string {
  const parts = Object.entries(details)
    .filter(([, value]) => value !== null && value !== '')
    .map(([key, value]) => {
      const shown = key === 'reason' ? (a.reasons[String(value)] ?? String(value)) : (a.detailValues[String(value)] ?? String(value));
      return `${a.detailLabels[key] ?? key}: ${shown}`;
    });
  return parts.length > 0 ? parts.join('; ') : a.table.none;
}

export function describeActor(row: Pick<Row, 'actorId' | 'actorName' | 'action'>): string {
  if (row.actorName) return row.actorName;
  // A wrong code at the second sign-in step comes from someone not signed in yet, too.
  return row.action.startsWith('sign_in') || row.action === 'two_factor.code_failed' ? a.table.notSignedIn : a.table.system;
}

import { t } from '../../i18n';

/** <option>s for an organisation <select>, municipalities and partners in two groups. */
export function OrganisationOptions({ organisations }: { organisations: { id: number; name: string; kind: 'gemeente' | 'partner' }[] }) {
  return (
    <>
      {(['gemeente', 'partner'] as const).map((kind) => (
        <optgroup key={kind} label={t.common.organisationGroups[kind]}>
          {organisations
            .filter((o) => o.kind === kind)
            .map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
        </optgroup>
      ))}
    </>
  );
}

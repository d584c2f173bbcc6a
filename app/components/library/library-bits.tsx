import { Link } from '@remix-run/react';

import { t } from '../../i18n';
import type { LibraryKind, TargetGroup } from '../../models/library/library-rules';

const l = t.library;

/** The kind of an item as a labelled badge (text, not colour alone). */
export function LibraryKindBadge({ kind }: { kind: LibraryKind }) {
  return <span className={`library-kind library-kind--${kind}`}>{l.kinds[kind]}</span>;
}

/** An item's tags: theme, municipality and target groups, each linking to the list filtered by it. */
export function LibraryTags({
  item,
}: {
  item: {
    themeId: number | null;
    themeCode: string | null;
    themeTitle: string | null;
    municipalityId: number | null;
    municipalityName: string | null;
    targetGroups: TargetGroup[];
  };
}) {
  const tags = [
    ...(item.themeId !== null ? [{ to: `/kennisbank?thema=${item.themeId}`, label: `${item.themeCode} ${item.themeTitle}` }] : []),
    ...(item.municipalityId !== null ? [{ to: `/kennisbank?gemeente=${item.municipalityId}`, label: item.municipalityName ?? '' }] : []),
    ...item.targetGroups.map((group) => ({ to: `/kennisbank?doelgroep=${group}`, label: l.targetGroups[group] })),
  ];
  if (tags.length === 0) return null;
  return (
    <ul className="library-tags" aria-label={l.tagsLabel}>
      {tags.map((tag) => (
        <li key={tag.to}>
          <Link to={tag.to}>{tag.label}</Link>
        </li>
      ))}
    </ul>
  );
}

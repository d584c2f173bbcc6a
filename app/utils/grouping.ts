/**
 * Items that arrive sorted, split into runs that share a label (goals by chapter for an
 * <optgroup>, people by organisation); the order of the items is kept.
 */
export function groupConsecutive<T>(items: readonly T[], label: (item: T) => string): { label: string; items: T[] }[] {
  const groups: { label: string; items: T[] }[] = [];
  for (const item of items) {
    const key = label(item);
    const last = groups[groups.length - 1];
    if (last && last.label === key) last.items.push(item);
    else groups.push({ label: key, items: [item] });
  }
  return groups;
}

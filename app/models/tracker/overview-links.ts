/**
 * Where the agenda overview shows a chapter: its anchor, on the overview of the chapter's
 * period, with the chapter expanded (a large agenda shows one chapter's goals at a time,
 * `?hoofdstuk=`; see OVERVIEW_ALL_CHAPTERS_GOALS in agenda.server.ts).
 */
export function overviewChapterHref(chapterId: number, options: { periodSlug?: string; includeLocal?: boolean } = {}): string {
  const query = new URLSearchParams();
  if (options.periodSlug) query.set('periode', options.periodSlug);
  if (options.includeLocal) query.set('lokaal', 'ja');
  query.set('hoofdstuk', String(chapterId));
  return `/?${query.toString()}#thema-${chapterId}`;
}

/**
 * The narrative text of an agenda chapter (issue 12 §3): a real-time document per chapter,
 * `agenda-chapter.<theme id>`, co-written with the same editor and server as the meeting
 * notes. Who may write follows the agenda (agendaChapterAccess in permissions.ts): the
 * working group while the period is open; everybody else, and everybody once the period
 * is closed, reads along live. Browser-safe: the page and the editor both name documents.
 */
export const chapterDocumentName = (themeId: number) => `agenda-chapter.${themeId}`;

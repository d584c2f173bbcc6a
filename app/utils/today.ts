/** Today's calendar date in the Netherlands as 'YYYY-MM-DD': the "today" of overdue and filters. */
export function todayInNL(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

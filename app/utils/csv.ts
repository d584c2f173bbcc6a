/** Text that Excel would run as a formula ("=HYPERLINK(…)") is kept as text: the rule of every CSV export. */
export function csvCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

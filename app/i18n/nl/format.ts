/** A count of characters as Dutch writes it: 300, 5.000, 10.000 (no Intl: server and browser must agree). */
export function characterCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

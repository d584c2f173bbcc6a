/**
 * Each person's colour in the notes (caret, selection, presence list), derived from the
 * user id so it is the same on every screen. All are dark enough for white label text
 * (contrast ≥ 4.5:1); the name beside the colour carries the meaning.
 */
const PALETTE = ['#8a1538', '#00539b', '#1b6a34', '#6a3d9a', '#8a4500', '#006170', '#a3144f', '#3f4f5f'] as const;

export function presenceColour(userId: number): string {
  return PALETTE[Math.abs(userId) % PALETTE.length];
}

/** The demo accounts of docs/product.md by a short name, for integration and browser tests. */
export const ACCOUNTS = {
  beheerder: 'beheer@koers.test',
  haarlem: 'werkgroep.haarlem@koers.test',
  velsen: 'werkgroep.velsen@koers.test',
  zandvoort: 'gemeente.zandvoort@koers.test',
  adviseur: 'adviseur@koers.test',
  lezer: 'lezer@koers.test',
} as const;

export type Who = keyof typeof ACCOUNTS;

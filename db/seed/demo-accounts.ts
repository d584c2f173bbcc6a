import type { Role } from '../../app/models/permissions';

/** The demo accounts of docs/product.md ("Interfaces other programs and tests rely on"). */
export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; organisation: string }[] = [
  { email: 'beheer@koers.test', name: 'Bram Beheer', role: 'beheerder', organisation: 'Haarlem' },
  { email: 'werkgroep.haarlem@koers.test', name: 'Anouk de Vries', role: 'werkgroeplid', organisation: 'Haarlem' },
  { email: 'werkgroep.velsen@koers.test', name: 'Martijn Bakker', role: 'werkgroeplid', organisation: 'Velsen' },
  { email: 'gemeente.zandvoort@koers.test', name: 'Sanne Visser', role: 'gemeente', organisation: 'Zandvoort' },
  { email: 'adviseur@koers.test', name: 'Fatima El Amrani', role: 'adviseur', organisation: 'Stichting Lezen en Schrijven' },
  { email: 'lezer@koers.test', name: 'Wethouder Peter Jansen', role: 'lezer', organisation: 'Heemstede' },
];

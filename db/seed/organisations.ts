/** The seven municipalities of the region and the partners the agenda names. */
export const MUNICIPALITIES = ['Beverwijk', 'Bloemendaal', 'Haarlem', 'Heemskerk', 'Heemstede', 'Velsen', 'Zandvoort'] as const;

export const PARTNERS = [
  'Stichting Lezen en Schrijven',
  'Nova College',
  'Taalhuizen en bibliotheken',
  'Stichting ABC',
  'CJG',
  'RBL Leerplein',
  'Regionaal Bureau RMC',
  'Leerplicht',
  'Qwasp',
  'Taalakkoord-partners',
] as const;

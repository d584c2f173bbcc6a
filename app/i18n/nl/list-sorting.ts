/**
 * The sort fields of the action list's filter form. Not in `t`: only the list views use
 * them, so they ship with those pages rather than with every page (the JavaScript budget).
 */
export const listSorting = {
  sort: 'Sorteren op',
  sorts: {
    code: 'Agendavolgorde (code)',
    titel: 'Titel',
    termijn: 'Termijn',
    status: 'Status',
    voortgang: 'Voortgang',
    gewijzigd: 'Laatst gewijzigd',
  },
  direction: 'Volgorde',
  ascending: 'Oplopend',
  descending: 'Aflopend',
};

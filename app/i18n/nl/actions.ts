import { characterCount } from './format';

export const actions = {
  /** The labels of the statuses (values in app/models/tracker/action-status.ts). */
  statuses: {
    niet_gestart: 'Niet gestart',
    loopt: 'Loopt',
    besluit_nodig: 'Besluit nodig',
    afgerond: 'Afgerond',
    vervallen: 'Vervallen',
  },
  title: 'Titel',
  description: 'Omschrijving',
  goal: 'Doel',
  ownerUser: 'Trekker (persoon)',
  ownerOrganisation: 'Trekker (organisatie)',
  partners: 'Partners',
  partnersHint: 'Scheid meerdere partners met een puntkomma.',
  deadline: 'Termijn',
  deadlineHint: 'Zoals in de agenda: "medio 2022", "eind 2021", "Q3 2022", "uiterlijk 31-12-2021".',
  status: 'Status',
  progress: 'Voortgang (%)',
  scope: 'Reikwijdte',
  scopeRegional: 'Regionaal',
  none: '— geen —',
  errors: {
    titleRequired: 'Vul een titel in.',
    titleTooLong: (max: number) => `De titel mag hoogstens ${characterCount(max)} tekens lang zijn.`,
    goalRequired: 'Kies het doel waar deze actie bij hoort.',
    statusInvalid: 'Kies een geldige status.',
    progressInvalid: 'Vul een percentage van 0 tot en met 100 in.',
    idInvalid: 'Kies een geldige waarde uit de lijst.',
    bodyRequired: 'Schrijf wat er is gebeurd.',
    goalUnknown: 'Dit doel bestaat niet (meer). Kies een doel uit de lijst.',
    ownerUnknown: 'Deze persoon bestaat niet. Kies iemand uit de lijst.',
    organisationUnknown: 'Deze organisatie bestaat niet. Kies een organisatie uit de lijst.',
    scopeUnknown: 'Kies "Regionaal" of een van de zeven gemeenten.',
  },
};

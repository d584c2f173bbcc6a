import { characterCount } from './format';

const appName = 'Koers';

export const common = {
  appName,
  /** The browser tab's title: the page, the sections around it, the app ("Acties — Koers"). */
  pageTitle: (...parts: string[]) => [...parts, appName].join(' — '),
  /** "a, b of c". */
  orList: (items: readonly string[]) =>
    items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} of ${items[items.length - 1]}`,
  appTagline: 'Regionale aanpak basisvaardigheden Zuid-Kennemerland en IJmond',
  skipToContent: 'Naar de inhoud',
  nav: {
    label: 'Hoofdmenu',
    overview: 'Agenda',
    actions: 'Acties',
    mine: 'Mijn acties',
    timeline: 'Tijdlijn',
    board: 'Bord',
    accents: 'Lokale accenten',
    changes: 'Wat is er veranderd',
    meetings: 'Overleggen',
    decisions: 'Besluiten',
    library: 'Kennisbank',
    admin: 'Beheer',
    account: 'Mijn account',
    /** The button that opens the collapsed menu on narrow screens. */
    menu: 'Menu',
  },
  logout: 'Uitloggen',
  loggedInAs: (name: string, org: string) => `Ingelogd als ${name} (${org})`,
  save: 'Opslaan',
  cancel: 'Annuleren',
  edit: 'Bewerken',
  delete: 'Verwijderen',
  organisationGroups: { gemeente: 'Gemeenten', partner: 'Partners' },
  errors: {
    notFoundTitle: 'Niet gevonden',
    notFoundText: 'Deze pagina of dit item bestaat niet (meer).',
    forbiddenTitle: 'Geen toegang',
    forbiddenText: 'U heeft geen rechten voor deze handeling of pagina.',
    badRequestTitle: 'Ongeldig verzoek',
    serverTitle: 'Er ging iets mis',
    serverText: 'Er is een onverwachte fout opgetreden. Probeer het later opnieuw.',
    backHome: 'Terug naar de agenda',
    formHasErrors: 'Het formulier bevat fouten. Niets is opgeslagen.',
    methodNotAllowed: 'Methode niet toegestaan',
    reloading: 'De pagina wordt opnieuw geladen…',
  },
  /** Zod's messages for checks that have no message of their own (app/schemas/zod.ts). */
  validation: {
    required: 'Vul dit veld in.',
    invalid: 'Deze waarde is ongeldig. Controleer wat u hebt ingevuld.',
    choose: 'Kies een van de mogelijkheden.',
    tooLong: (max: number) => `Dit veld mag hoogstens ${characterCount(max)} tekens lang zijn.`,
    tooShort: (min: number) => `Dit veld moet minstens ${min} tekens lang zijn.`,
    numberTooBig: (max: number) => `Vul een getal van hoogstens ${max} in.`,
    numberTooSmall: (min: number) => `Vul een getal van minstens ${min} in.`,
    wholeNumber: 'Vul een heel getal in.',
    email: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl.',
    url: 'Vul een geldig webadres in, bijvoorbeeld https://www.voorbeeld.nl.',
    tooMany: (max: number) => `Kies er hoogstens ${max}.`,
    tooFew: (min: number) => `Kies er minstens ${min}.`,
  },
  login: {
    title: 'Inloggen',
    email: 'E-mailadres',
    password: 'Wachtwoord',
    submit: 'Inloggen',
    invalid: 'Onbekend e-mailadres of onjuist wachtwoord.',
    throttled: 'Te veel mislukte pogingen. Wacht een kwartier en probeer het dan opnieuw.',
    emailRequired: 'Vul een geldig e-mailadres in.',
    passwordRequired: 'Vul uw wachtwoord in.',
    forgot: 'Wachtwoord vergeten?',
  },
};

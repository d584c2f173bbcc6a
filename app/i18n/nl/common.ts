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
    monitor: 'Monitor',
    changes: 'Wat is er veranderd',
    meetings: 'Overleggen',
    decisions: 'Besluiten',
    library: 'Kennisbank',
    yearReports: 'Jaarrapportages',
    finance: 'Financiën',
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
    /** Sign-in with the organisation's account (OpenID Connect). */
    oidc: {
      heading: 'Inloggen met uw organisatie-account',
      button: (provider: string) => `Inloggen met uw organisatie-account: ${provider}`,
      orPassword: 'Of log in met uw e-mailadres en wachtwoord',
      passwordFormOff: 'Inloggen met een wachtwoord is op deze installatie uitgeschakeld.',
      errors: {
        unknownProvider: 'Deze manier van inloggen bestaat niet (meer). Kies een van de knoppen hieronder.',
        expired: 'Het inloggen duurde te lang of is in een ander venster begonnen. Probeer het opnieuw.',
        replayed: 'Deze aanmelding is al gebruikt. Log opnieuw in.',
        cancelled: 'Het inloggen bij uw organisatie is afgebroken. Probeer het opnieuw.',
        unreachable: 'De inlogdienst van uw organisatie is nu niet bereikbaar. Probeer het later opnieuw of log in met uw wachtwoord.',
        invalid_token:
          'Koers kon de aanmelding van uw organisatie niet controleren en heeft u niet ingelogd. Probeer het opnieuw; blijft dit gebeuren, neem dan contact op met de beheerder.',
        no_email: 'Uw organisatie gaf geen e-mailadres door. Vraag de beheerder van Koers om hulp.',
        email_unverified:
          'Uw organisatie heeft uw e-mailadres niet bevestigd. Daarmee kunt u niet inloggen; vraag de beheerder van Koers om hulp.',
        domain_not_allowed:
          'Uw e-mailadres hoort niet bij deze organisatie. Kies de knop van uw eigen organisatie of log in met uw wachtwoord.',
        inactive: 'Uw account is gedeactiveerd. Vraag de beheerder van Koers om het weer te activeren.',
      },
      requested: {
        title: 'Uw aanvraag is ontvangen',
        body: 'U hebt nog geen account in Koers. Uw aanvraag is doorgestuurd naar de beheerder, die u een rol en een organisatie geeft. Daarna kunt u inloggen met uw organisatie-account.',
        noRights: 'Tot die tijd kunt u in Koers nog niets zien of doen.',
        back: 'Terug naar inloggen',
      },
    },
  },
};

/** Texts of two-factor sign-in: Mijn account, the second sign-in step, the beheer setting. */
export const twoFactor = {
  /** The name authenticator apps show beside the account (the issuer of the TOTP). */
  issuer: 'Koers',
  account: {
    heading: 'Tweestapsverificatie',
    intro:
      'Met tweestapsverificatie vraagt Koers bij het inloggen na uw wachtwoord ook een code uit een authenticator-app op uw telefoon (zoals Microsoft Authenticator, Google Authenticator of FreeOTP). Wie uw wachtwoord kent, kan dan nog niet inloggen.',
    on: (date: string) => `Tweestapsverificatie staat aan (sinds ${date}).`,
    off: 'Tweestapsverificatie staat uit.',
    recoveryLeft: (n: number) => (n === 1 ? 'U heeft nog 1 ongebruikte herstelcode.' : `U heeft nog ${n} ongebruikte herstelcodes.`),
    manage: 'Tweestapsverificatie beheren',
    setUp: 'Tweestapsverificatie instellen',
  },
  setup: {
    title: 'Tweestapsverificatie',
    required: 'Voor uw rol is tweestapsverificatie verplicht. Stel het nu in; daarna kunt u Koers weer gebruiken.',
    start: 'Instellen',
    startIntro: 'U heeft een authenticator-app op uw telefoon nodig. Klik op Instellen om een QR-code te maken.',
    step1: '1. Scan de QR-code met uw authenticator-app',
    qrAlt: 'QR-code om Koers toe te voegen aan uw authenticator-app',
    manualIntro: 'Kunt u niet scannen? Voer dan deze sleutel met de hand in (tijdgebonden, 6 cijfers, elke 30 seconden):',
    secretLabel: 'Sleutel',
    accountLabel: 'Account',
    step2: '2. Vul de code in die de app toont',
    code: 'Code uit de app',
    codeHint: 'Zes cijfers.',
    confirm: 'Bevestigen en aanzetten',
    cancel: 'Opnieuw beginnen met een nieuwe sleutel',
    enabled: 'Tweestapsverificatie staat nu aan.',
    recoveryHeading: 'Uw herstelcodes',
    recoveryIntro:
      'Bewaar deze codes op een veilige plek (bijvoorbeeld in een wachtwoordmanager of geprint). Heeft u uw telefoon niet bij de hand, dan kunt u met één van deze codes inloggen. Elke code werkt één keer. Ze worden maar één keer getoond.',
    recoveryListLabel: 'Herstelcodes',
    regenerated: 'Er zijn nieuwe herstelcodes gemaakt. De vorige codes werken niet meer.',
    regenerateHeading: 'Nieuwe herstelcodes',
    regenerateIntro: 'Maak nieuwe herstelcodes als u de oude kwijt bent of ze (bijna) op zijn. De oude codes werken dan niet meer.',
    regenerate: 'Nieuwe herstelcodes maken',
    disableHeading: 'Tweestapsverificatie uitzetten',
    disableIntro: 'Bijvoorbeeld als u een nieuwe telefoon heeft: zet het uit en stel het daarna opnieuw in.',
    disableRequiredNote: 'Voor uw rol is tweestapsverificatie verplicht: na het uitzetten moet u het meteen opnieuw instellen.',
    disable: 'Uitzetten',
    disabled: 'Tweestapsverificatie staat uit. Uw herstelcodes werken niet meer.',
    confirmation: 'Uw wachtwoord of een code uit de app',
    confirmationHint: 'Ter bevestiging dat u het zelf bent.',
    backToAccount: 'Terug naar Mijn account',
  },
  signIn: {
    title: 'Code invullen',
    intro: 'Open de authenticator-app op uw telefoon en vul de code in die bij Koers staat.',
    code: 'Code uit de app of herstelcode',
    codeHint: 'Zes cijfers uit de app, of een van uw herstelcodes (bijvoorbeeld abcde-fghij).',
    submit: 'Inloggen',
    back: 'Opnieuw beginnen met uw wachtwoord',
    expired: 'Het inloggen duurde te lang. Vul uw e-mailadres en wachtwoord opnieuw in.',
    recoveryUsed: (n: number) =>
      n === 1
        ? 'U bent ingelogd met een herstelcode. U heeft nog 1 herstelcode; maak nieuwe codes op Mijn account.'
        : `U bent ingelogd met een herstelcode. U heeft nog ${n} herstelcodes.`,
  },
  errors: {
    codeRequired: 'Vul de code in.',
    codeWrong: 'Deze code klopt niet. Controleer de code in de app (die verandert elke 30 seconden) en probeer het opnieuw.',
    codeReplayed: 'Deze code is net al gebruikt. Wacht op de volgende code in de app.',
    setupCodeWrong: 'Deze code klopt niet. Controleer of de app de tijd van uw telefoon goed heeft en vul de nieuwste code in.',
    setupMissing: 'Begin eerst met instellen; de sleutel is verlopen of al gebruikt.',
    confirmationRequired: 'Vul uw wachtwoord of een code uit de app in.',
    confirmationWrong: 'Dit wachtwoord of deze code klopt niet.',
    throttled: 'Te veel mislukte pogingen. Wacht een kwartier en probeer het dan opnieuw.',
    notEnabled: 'Tweestapsverificatie staat niet aan.',
    alreadyEnabled: 'Tweestapsverificatie staat al aan.',
  },
  /** On a user's beheer page. */
  admin: {
    label: 'Tweestapsverificatie',
    states: { off: 'uit', pending: 'wordt ingesteld', on: 'aan' } as Record<'off' | 'pending' | 'on', string>,
    resetTitle: 'Tweestapsverificatie uitzetten',
    resetText:
      'Is deze persoon de telefoon én de herstelcodes kwijt? Zet tweestapsverificatie dan uit; de persoon logt daarna in met alleen het wachtwoord en stelt het opnieuw in (meteen, als de rol het verplicht). Ga eerst na dat het verzoek echt van deze persoon komt.',
    reset: 'Tweestapsverificatie uitzetten',
    resetDone: 'Tweestapsverificatie is uitgezet voor deze persoon.',
  },
  policy: {
    title: 'Tweestapsverificatie per rol',
    homeLink: 'Tweestapsverificatie',
    homeText: 'Per rol instellen of inloggen met een code uit een authenticator-app verplicht is.',
    intro:
      'Kies per rol of tweestapsverificatie verplicht is. Wie een verplichte rol heeft en het nog niet heeft ingesteld, moet het na het inloggen eerst instellen. Demo-accounts loggen altijd in met alleen hun wachtwoord.',
    legend: 'Verplicht voor',
    defaultHint: 'standaard',
    defaultNote:
      'Standaard is het verplicht voor beheerders, behalve op een installatie met (actieve) demo-accounts. Rollen die nog nooit zijn opgeslagen volgen die standaard.',
    save: 'Opslaan',
    saved: 'De instelling is opgeslagen.',
    withoutTwoFactor: (n: number) =>
      n === 1
        ? '1 persoon met een verplichte rol heeft het nog niet ingesteld.'
        : `${n} personen met een verplichte rol hebben het nog niet ingesteld.`,
  },
};

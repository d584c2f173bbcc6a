/** Mentions, notifications, the inbox and e-mail. */
const short = (title: string) => (title.length > 80 ? `${title.slice(0, 79)}…` : title);

export const notifications = {
  heading: 'Meldingen',
  pageTitle: 'Meldingen',
  headerLink: 'Meldingen',
  headerLabel: (unread: number) => (unread === 0 ? 'Meldingen, geen ongelezen' : `Meldingen, ${unread} ongelezen`),
  unreadSummary: (unread: number) =>
    unread === 0
      ? 'U heeft geen ongelezen meldingen.'
      : unread === 1
        ? 'U heeft 1 ongelezen melding.'
        : `U heeft ${unread} ongelezen meldingen.`,
  none: 'U heeft nog geen meldingen. Zodra iemand u noemt, reageert op iets dat u volgt of een actie aan u toewijst, ziet u dat hier.',
  listLabel: 'Uw meldingen, nieuwste eerst',
  unreadBadge: 'Nieuw',
  readState: 'gelezen',
  markRead: 'Markeer als gelezen',
  markAllRead: 'Alles gelezen',
  byActor: (name: string) => `door ${name}`,
  preferencesLink: 'Voorkeuren voor meldingen',
  markedAllRead: 'Alle meldingen zijn als gelezen gemarkeerd.',
  olderHidden: (shown: number) => `De nieuwste ${shown} meldingen worden getoond.`,

  kinds: {
    mention: 'Iemand noemt u in een reactie of in de notities van een overleg',
    comment: 'Een reactie op iets dat u bezit of volgt',
    owner: 'U wordt trekker van een actie',
    deadline_soon: 'De termijn van uw actie loopt binnen 7 dagen af',
    overdue: 'Uw actie is over de termijn',
    meeting_planned: 'Een overleg waarvoor u bent uitgenodigd is gepland',
    minutes_published: 'Het verslag van uw overleg is vastgesteld',
  },

  messages: {
    mention: (actor: string, target: string) => `${actor} noemde u in een reactie bij ${target}.`,
    /** `target`: targets.meeting(title). */
    notesMention: (actor: string, target: string) => `${actor} noemde u in de notities van ${target}.`,
    comment: (actor: string, target: string) => `${actor} reageerde op ${target}.`,
    owner: (actor: string, title: string) => `${actor} maakte u trekker van de actie "${short(title)}".`,
    deadlineSoon: (title: string, end: string) => `De termijn van uw actie "${short(title)}" loopt af op ${end}.`,
    overdue: (title: string, end: string) => `Uw actie "${short(title)}" is over de termijn (die liep tot en met ${end}).`,
    meetingPlanned: (actor: string, title: string, when: string) =>
      `${actor} plande het overleg "${short(title)}" op ${when}; u staat op de deelnemerslijst.`,
    minutesPublished: (title: string, version: number) =>
      version > 1
        ? `Versie ${version} van het verslag van "${short(title)}" is vastgesteld.`
        : `Het verslag van "${short(title)}" is vastgesteld.`,
  },

  targets: {
    goal: (code: string, title: string) => `doel ${code} "${short(title)}"`,
    action: (title: string) => `de actie "${short(title)}"`,
    accent: (municipality: string, goalCode: string) => `het lokale accent van ${municipality} bij doel ${goalCode}`,
    library: (title: string) => `"${short(title)}" in de kennisbank`,
    meeting: (title: string) => `het overleg "${short(title)}"`,
    yearReport: (year: number) => `de jaarrapportage ${year}`,
    indicator: (name: string) => `de indicator "${short(name)}" in de monitor`,
    unknown: 'een item',
  },

  follow: {
    follow: 'Volgen',
    unfollow: 'Niet meer volgen',
    following: 'U volgt dit en krijgt een melding bij nieuwe reacties.',
    notFollowing: 'U volgt dit niet.',
    pageTitle: 'Volgen',
    back: 'Terug',
    what: {
      goal: 'dit doel',
      action: 'deze actie',
      accent: 'dit lokale accent',
      library: 'dit kennisbank-item',
      meeting: 'dit overleg',
      'year-report': 'deze jaarrapportage',
      indicator: 'deze indicator',
    },
    explain: 'Wie volgt, krijgt een melding bij elke nieuwe reactie. Wie reageert, volgt vanzelf.',
  },

  preferences: {
    pageTitle: 'Voorkeuren voor meldingen',
    intro: 'Kies per soort melding of u haar in Koers wilt zien en of u haar ook per e-mail wilt ontvangen.',
    tableCaption: 'Meldingen per soort',
    kindColumn: 'Soort melding',
    inKoers: 'In Koers',
    emailColumn: 'E-mail',
    email: { off: 'Uit', immediate: 'Direct', digest: 'Dagelijkse samenvatting' },
    inKoersLabel: (kind: string) => `${kind}: in Koers tonen`,
    emailLabel: (kind: string) => `${kind}: e-mail`,
    emailOff: 'E-mail staat uit op deze installatie: er is geen mailserver (SMTP) ingesteld. U krijgt meldingen alleen in Koers.',
    emailTo: (email: string) => `E-mail gaat naar ${email}.`,
    hiddenButMailed: 'Staat "In Koers" uit en e-mail aan, dan krijgt u de melding alleen per e-mail (in Koers staat ze meteen op gelezen).',
    save: 'Voorkeuren opslaan',
    saved: 'Uw voorkeuren zijn opgeslagen.',
    errorSummary: 'De voorkeuren zijn niet opgeslagen. Zie de melding hieronder.',
    back: 'Terug naar meldingen',
  },

  errors: {
    notificationInvalid: 'Onbekende melding.',
    intentInvalid: 'Onbekende handeling.',
    emailInvalid: 'Kies voor e-mail: uit, direct of dagelijkse samenvatting.',
    enabledInvalid: 'Ongeldige keuze voor "In Koers".',
    targetInvalid: 'Onbekend item om te volgen.',
  },

  mention: {
    suggestionsLabel: 'Personen om te noemen',
    hint: 'Typ @ en een naam om iemand te noemen; die persoon krijgt een melding.',
    noMatch: 'Geen personen gevonden',
    personRequired: 'Kies de persoon die u noemt.',
    personUnknown: 'Deze persoon bestaat niet of heeft geen actief account.',
    count: (n: number) =>
      n === 1 ? '1 persoon gevonden. Kies met pijltjes en Enter.' : `${n} personen gevonden. Kies met pijltjes en Enter.`,
  },

  email: {
    subject: (message: string) => `Koers: ${message.length > 110 ? `${message.slice(0, 109)}…` : message}`,
    open: 'Bekijk het in Koers:',
    footer: (preferencesUrl: string) => `U krijgt dit bericht omdat u meldingen per e-mail hebt aangezet. Wijzigen: ${preferencesUrl}`,
    digestSubject: (n: number) =>
      n === 1 ? 'Koers: uw dagelijkse samenvatting (1 melding)' : `Koers: uw dagelijkse samenvatting (${n} meldingen)`,
    digestIntro: (name: string) => `Beste ${name},\n\nDit zijn uw meldingen in Koers sinds de vorige samenvatting:`,
  },
};

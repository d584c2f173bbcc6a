/** Published minutes ("verslag") and their downloads. */
export const minutes = {
  pageTitle: (meeting: string) => `Verslag: ${meeting}`,
  /** A download's file name, "verslag-2024-05-14-werkgroep-mei.docx"; an earlier version gets its number. */
  fileName: (date: string, slug: string, version: number | null, ext: string) =>
    `verslag-${date}-${slug}${version === null ? '' : `-versie-${version}`}.${ext}`,
  conceptFileName: (date: string, slug: string, ext: string) => `concept-verslag-${date}-${slug}.${ext}`,
  /** The file name's slug for a meeting title without letters or digits. */
  fileNameFallback: 'overleg',
  heading: (meeting: string) => `Verslag: ${meeting}`,
  current: 'Verslag',
  versionLabel: (version: number) => `Versie ${version}`,
  versionHeading: (version: number, date: string, name: string | null) =>
    name ? `Versie ${version}, vastgesteld op ${date} door ${name}` : `Versie ${version}, vastgesteld op ${date}`,
  olderVersionNotice: (latest: number) => `U bekijkt een eerdere versie van het verslag. De laatste versie is versie ${latest}.`,
  toLatest: 'Naar de laatste versie',
  notPublished: 'Het verslag van dit overleg is nog niet vastgesteld.',
  notStarted: 'Dit overleg is nog niet begonnen. Na het begin van het overleg staat hier het concept verslag.',
  notAdoptedDownload: (kind: string) =>
    `Het verslag van dit overleg is nog niet vastgesteld: er is nog geen ${kind} van een vastgesteld verslag. Hieronder staat het concept verslag, dat u wel kunt downloaden.`,
  notAdoptedDownloadBeforeStart: (kind: string) =>
    `Het verslag van dit overleg is nog niet vastgesteld: er is nog geen ${kind} van een vastgesteld verslag. Het overleg is nog niet begonnen.`,
  downloadKinds: { docx: 'Word-bestand', pdf: 'PDF' } as Record<'docx' | 'pdf', string>,
  concept: {
    heading: 'Concept verslag',
    notice:
      'Dit is het concept verslag: de notities zoals ze nu zijn, in de volgorde van de agenda. Lees het na en reageer hieronder; het verslag wordt vastgesteld in het volgende overleg.',
    versionLine: (date: string) => `Concept, nog niet vastgesteld (stand van ${date})`,
    downloadsHeading: 'Concept downloaden',
    docx: 'Concept downloaden als Word (.docx)',
    pdf: 'Concept downloaden als PDF',
    subject: 'Concept verslag',
    commentsHeading: 'Reacties op het concept',
    adoptIn: (meeting: string) => `Op de agenda van ${meeting} om vast te stellen.`,
  },
  notPublishedEditor:
    'Stel het verslag vast om de notities te bevriezen als officieel verslag. Daarna blijft deze versie altijd leesbaar, ook als de notities nog veranderen.',
  publishedNotice: (version: number) => `Versie ${version} van het verslag is vastgesteld.`,
  meta: {
    label: 'Gegevens van het overleg',
    date: 'Datum en tijd',
    place: 'Plaats',
    noPlace: 'Niet opgegeven',
  },
  attendees: {
    heading: 'Aanwezigen',
    present: 'Aanwezig',
    absent: 'Afwezig',
    unmarked: 'Uitgenodigd (aanwezigheid niet vastgelegd)',
    guests: 'Gasten',
    guestAbsent: 'afwezig',
    none: 'Er zijn geen deelnemers vastgelegd.',
  },
  notesHeading: 'Verslag',
  /** "Actie: … — eigenaar — deadline (status bij vaststelling)". */
  actionItem: {
    prefix: 'Actie:',
    noOwner: 'geen trekker',
    noDeadline: 'geen termijn',
    status: (label: string) => `(${label.toLowerCase()} bij vaststelling)`,
    missing: 'Actie: (deze actie bestond niet meer bij vaststelling)',
  },
  decision: {
    prefix: 'Besluit:',
    goal: (code: string, title: string) => `doel ${code} ${title}`,
    action: (title: string) => `actie ${title}`,
    about: (parts: string) => `(over ${parts})`,
    missing: 'Besluit: (dit besluit bestond niet meer bij vaststelling)',
  },
  emptyNotes: 'Dit verslag bevat geen tekst.',
  versions: {
    heading: 'Versies',
    caption: 'Alle vastgestelde versies van dit verslag',
    version: 'Versie',
    publishedAt: 'Vastgesteld op',
    publishedBy: 'Vastgesteld door',
    read: (version: number) => `Versie ${version} lezen`,
    current: 'deze versie',
    unknownUser: 'onbekend',
  },
  downloads: {
    heading: 'Downloaden',
    docx: 'Download als Word (.docx)',
    pdf: 'Download als PDF',
  },
  publish: {
    heading: 'Verslag vaststellen',
    headingAgain: 'Nieuwe versie vaststellen',
    intro:
      'Vaststellen bevriest de huidige notities, met de acties en besluiten zoals ze nu zijn, als officieel verslag. De deelnemers krijgen een melding.',
    introAgain:
      'Hebben de notities na de vorige vaststelling nog wijzigingen gekregen? Stel dan een nieuwe versie vast. Eerdere versies blijven leesbaar.',
    confirm: 'Ik bevestig dat het concept hierboven, zoals het nu is, als verslag van dit overleg wordt vastgesteld.',
    previewNote: 'Wat wordt vastgesteld, is precies het concept hierboven.',
    submit: 'Verslag vaststellen',
  },
  errors: {
    confirmRequired: 'Vink aan dat u het verslag wilt vaststellen.',
    notStarted: 'Dit overleg is nog niet begonnen. Een verslag kan pas worden vastgesteld als het overleg is begonnen.',
    emptyNotes:
      'De notities van dit overleg zijn nog leeg (alleen de agendapunten staan erin). Schrijf eerst notities; een leeg verslag wordt niet vastgesteld.',
  },
  document: {
    /** Author in the document properties of the downloads. */
    author: 'Koers — werkgroep basisvaardigheden Zuid-Kennemerland en IJmond',
    subject: 'Vastgesteld verslag',
    published: (version: number, date: string) => `Versie ${version}, vastgesteld op ${date}`,
  },
};

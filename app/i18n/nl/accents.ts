import { characterCount } from './format';

export const accents = {
  breadcrumbsLabel: 'Kruimelpad',
  heading: 'Lokale accenten',
  matrixTitle: 'Lokale accenten',
  matrixIntro:
    'Per doel van de agenda legt elke gemeente haar eigen accent en lokale acties vast. Kies een cel om het accent te lezen, te bespreken of (voor uw eigen gemeente) te bewerken.',
  matrixCaption: 'Lokale accenten per doel (rijen) en gemeente (kolommen)',
  goalColumn: 'Doel',
  /** After the name of the signed-in user's own municipality, in the matrix's first column. */
  ownMunicipality: '(uw gemeente)',
  noAccent: 'Nog geen accent',
  localActionsCount: (n: number) => (n === 1 ? '1 lokale actie' : `${n} lokale acties`),
  updated: (when: string, who: string | null) => (who ? `Bijgewerkt ${when} door ${who}` : `Bijgewerkt ${when}`),
  updatedShort: (when: string) => `bijgewerkt ${when}`,
  openCell: (goal: string, municipality: string) => `${municipality}: accent bij ${goal}`,
  view: 'Bekijken',
  edit: 'Bewerken',
  viewLabel: (municipality: string) => `Accent van ${municipality} bekijken`,
  editLabel: (municipality: string) => `Accent van ${municipality} bewerken`,
  cellTitle: (goalCode: string, municipality: string) => `Lokaal accent ${municipality} — doel ${goalCode}`,
  goal: 'Doel',
  municipality: 'Gemeente',
  accentHeading: 'Accent',
  editHeading: 'Accent bewerken',
  bodyLabel: 'Accent van de gemeente',
  bodyHint: 'Wat kiest uw gemeente bij dit doel? Bijvoorbeeld doelgroepen, partners, plaatsen en aanpak.',
  save: 'Accent opslaan',
  saved: 'Het accent is opgeslagen.',
  removed: 'Het accent is verwijderd.',
  /** Saving an empty accent removes it: asked first (issue 11, defect 9). */
  removal: {
    heading: 'Accent verwijderen?',
    text: (municipality: string, goalCode: string) =>
      `U slaat een leeg accent op. Daarmee verwijdert u het accent van ${municipality} bij doel ${goalCode}. De oude tekst blijft te lezen in de geschiedenis.`,
    confirm: 'Ja, accent verwijderen',
    cancel: 'Nee, accent houden',
  },
  noEditRight: (municipality: string) => `Alleen medewerkers van ${municipality} en de beheerder kunnen dit accent bewerken.`,
  localActions: 'Lokale acties',
  noLocalActions: 'Nog geen lokale acties.',
  newLocalAction: 'Nieuwe lokale actie',
  backToMatrix: 'Alle lokale accenten',
  history: 'Geschiedenis',
  /** The coverage heatmap under the matrix: which municipality has an accent on which goal. */
  coverage: {
    heading: 'Dekking',
    title: 'Welke gemeente heeft bij welk doel een accent',
    goal: 'Doel',
    levels: { none: 'Geen accent', accent: 'Accent', withActions: 'Accent en lokale acties' },
    /** The mark in a cell: "ja", "ja 2", "– 1" (accent or not, then the number of local actions); nothing in an empty cell. */
    mark: (hasAccent: boolean, localActions: number) =>
      !hasAccent && localActions === 0 ? '' : `${hasAccent ? 'ja' : '–'}${localActions > 0 ? ` ${localActions}` : ''}`,
    /** The cell in the table, answering the caption's question: "ja, 2 lokale acties", "nee". */
    cell: (hasAccent: boolean, localActions: number) =>
      [
        hasAccent ? 'ja' : 'nee',
        ...(localActions > 0 ? [localActions === 1 ? '1 lokale actie' : `${localActions} lokale acties`] : []),
      ].join(', '),
    /** "Haarlem: accent bij 5 van de 8 doelen, 3 lokale acties." */
    municipality: (name: string, accents: number, goals: number, localActions: number) =>
      `${name}: accent bij ${accents} van de ${goals} doelen, ${localActions === 1 ? '1 lokale actie' : `${localActions} lokale acties`}.`,
    note: 'In een cel: ja = de gemeente heeft bij dit doel een accent (een lege cel: nog niet); een getal is het aantal lokale acties.',
  },
  errors: {
    bodyTooLong: (max: number) => `Het accent mag hoogstens ${characterCount(max)} tekens lang zijn.`,
  },
};

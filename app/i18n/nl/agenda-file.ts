import { common } from './common';

const chapterHeading = '"## <code> <titel>"';
const goalHeading = '"### Doel <code>: <titel>"';
const actionHeading = '"#### Actie <code>: <titel>"';

/**
 * Messages about an agenda file (the Markdown outline of docs/agenda-format.md) that the
 * import rejects. The format's own words (periode, soort, Doel, …) are grammar and stay in
 * the parser, app/models/tracker/agenda-format.ts.
 */
export const agendaFile = {
  /** An error the way it is shown: "regel 12: …". */
  atLine: (line: number, message: string) => `regel ${line}: ${message}`,
  /** What a field can belong to, as the messages name it. */
  nodeNames: { agenda: 'de titel van de agenda', chapter: 'een hoofdstuk', goal: 'een doel', action: 'een actie' },
  errors: {
    codeTaken: (code: string, earlierLine: number) => `de code "${code}" is al gebruikt op regel ${earlierLine}; elke code moet uniek zijn`,
    codeInvalid: (code: string, example: string) =>
      `ongeldige code "${code}" (gebruik letters, cijfers, punten en streepjes, bijv. "${example}")`,
    expectedFields: (fields: readonly string[]) => `verwacht: ${common.orList(fields)}`,
    fieldOfOther: (key: string, owner: string, node: string, expected: string) =>
      `het veld "${key}" hoort bij ${owner}, niet bij ${node} (${expected})`,
    fieldUnknown: (key: string, node: string, expected: string) =>
      `onbekend veld "${key}" bij ${node} (${expected}); begint hier de tekst, zet er dan een lege regel boven`,
    fieldTwice: (key: string, earlierLine: number) => `het veld "${key}" staat er twee keer (eerder op regel ${earlierLine})`,
    documentEmpty: 'het document is leeg (verwacht "# <titel>" met daaronder "periode: …")',
    titleNotFirst: 'verwacht de titel van de agenda als eerste regel ("# <titel>")',
    titleExpectedFirst: 'verwacht eerst de titel van de agenda ("# <titel>" met daaronder "periode: …")',
    titleTwice: `er mag maar één titel van de agenda zijn ("# …"); gebruik ${chapterHeading} voor een hoofdstuk`,
    titleMissing: 'de titel van de agenda ontbreekt (verwacht "# <titel>")',
    periodMissing: 'het veld "periode" ontbreekt (verwacht direct onder de titel, bijv. "periode: 2020-2024")',
    periodEmpty: 'het veld "periode" is leeg (verwacht twee jaartallen, bijv. "periode: 2020-2024")',
    periodInvalid: (value: string) => `ongeldige periode "${value}" (verwacht twee jaartallen, bijv. "periode: 2020-2024")`,
    periodReversed: (value: string) => `ongeldige periode "${value}": het beginjaar moet vóór of gelijk aan het eindjaar liggen`,
    chapterHeadingEmpty: `de code en titel van het hoofdstuk ontbreken (verwacht ${chapterHeading}, bijv. "## 1.3.a Bereik NT1-ers")`,
    chapterTitleMissing: `de titel van het hoofdstuk ontbreekt (verwacht ${chapterHeading}, bijv. "## 1.3.a Bereik NT1-ers")`,
    kindMissing:
      'het veld "soort" ontbreekt (verwacht direct onder de kop "soort: onderwerp", "soort: randvoorwaarde" of "soort: context")',
    kindEmpty: 'het veld "soort" is leeg (verwacht "onderwerp", "randvoorwaarde" of "context")',
    kindUnknown: (value: string) => `onbekende soort "${value}" (verwacht "onderwerp", "randvoorwaarde" of "context")`,
    goalOutsideChapter: `een doel moet onder een hoofdstuk staan (verwacht ${chapterHeading} eerder)`,
    goalHeadingInvalid: `verwacht ${goalHeading}, bijv. "### Doel 1.3.a-A: Meer inwoners …"`,
    goalTitleMissing: `de titel van het doel ontbreekt (verwacht ${goalHeading})`,
    targetYearInvalid: (value: string) => `ongeldig doeljaar "${value}" (verwacht een jaartal, bijv. "doeljaar: 2024")`,
    targetYearOutsidePeriod: (year: number, start: number, end: number) =>
      `doeljaar ${year} valt buiten de periode van de agenda (${start}-${end})`,
    actionOutsideGoal: `een actie moet onder een doel staan (verwacht ${goalHeading} eerder)`,
    actionHeadingInvalid: `verwacht ${actionHeading}, bijv. "#### Actie 1.3.a-A1: We werken de aanpak verder uit"`,
    actionTitleMissing: `de titel van de actie ontbreekt (verwacht ${actionHeading})`,
    headingLevelUnused: (hashes: string) =>
      `kopniveau ${hashes} wordt niet gebruikt (verwacht "#" voor de titel, "##" voor een hoofdstuk, "###" voor een doel of "####" voor een actie)`,
    /** From the import, which knows the database. */
    ownerUnknown: (name: string, known: readonly string[]) =>
      `onbekende organisatie "${name}" bij trekker; bekende organisaties: ${known.join(', ')}`,
    codeOfLocalAction: (code: string) =>
      `de code "${code}" hoort bij een lokale actie van een gemeente; lokale acties staan niet in het agendabestand (kies een andere code)`,
  },
};

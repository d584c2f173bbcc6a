import { common } from './common';

/** Dates and deadlines: how they are written, and what the deadline parser answers. */
export const dates = {
  /** Month names, January first ("31 december 2021"). */
  months: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  /** Short month names as nl-NL writes them ("1 mrt. 2021"); a fixed table keeps output ICU-independent. */
  monthsShort: ['jan.', 'feb.', 'mrt.', 'apr.', 'mei', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'],
  /** "18 nov. 2026 om 15:00". */
  dateAtTime: (date: string, time: string) => `${date} om ${time}`,
  /** A deadline's date window, for hover and focus. */
  window: {
    range: (start: string, end: string) => `${start} t/m ${end}`,
    by: (end: string) => `uiterlijk ${end}`,
    from: (start: string) => `vanaf ${start}`,
  },
  noDeadline: 'geen termijn',
  /** Phrases shown beside deadline inputs and in error messages; each one parses (deadline.test.ts). */
  deadlineExamples: ['2021', 'medio 2022', 'eind 2021', 'Q3 2022', 'september 2022', 'uiterlijk 31-12-2021', 'vanaf medio 2021'],
  /** Phrases for list filters: relative periods plus any deadline. */
  windowFilterExamples: ['dit jaar', 'volgend kwartaal', 'deze maand', '2021', 'medio 2022', 'uiterlijk eind 2021'],
  /** What the parser was reading, in its messages ("Vul een termijn in."). */
  nouns: { deadline: 'termijn', period: 'periode' },
  errors: {
    empty: (noun: string) => `Vul een ${noun} in.`,
    unknown: (noun: string, text: string) => `Onbekende ${noun} "${text}".`,
    /** `reason` completes the sentence about the phrase as written. */
    impossible: (text: string, reason: string) => `"${text}" ${reason}`,
    tryExamples: (examples: readonly string[]) => `Schrijf bijvoorbeeld ${common.orList(examples.map((example) => `"${example}"`))}.`,
    yearOutOfRange: (min: number, max: number) => `ligt buiten de jaren ${min} t/m ${max}.`,
    noSuchMonth: (month: number) => `is geen bestaande datum: er is geen maand ${month}.`,
    noSuchDay: (month: string, year: number, days: number) => `is geen bestaande datum: ${month} ${year} heeft ${days} dagen.`,
  },
};

import { desc, eq, sql } from 'drizzle-orm';
import * as Y from 'yjs';

import { fragmentToJson, fragmentToText } from '../../app/models/collab/compaction';
import { NOTES_FIELD } from '../../app/models/collab/document-store.server';
import type { Tx } from '../../app/models/history.server';
import { nlToUtc } from '../../app/models/meetings/meeting-time';
import { freezeMinutes } from '../../app/models/meetings/minutes.server';
import { minutesBlocks, minutesText } from '../../app/models/meetings/minutes-content';
import { AGENDA_HEADING_LEVEL, NOTES_ATTRS, NOTES_NODES, notesDocumentName } from '../../app/models/meetings/notes/notes-nodes';
import { agendaIdOfGoal } from '../../app/models/periods/period-guard.server';
import type { ActionStatus } from '../../app/models/tracker/action-status';
import { parseDeadline } from '../../app/models/tracker/deadline';
import { addDays } from '../../app/utils/date-time';
import { todayInNL } from '../../app/utils/today';
import {
  actions,
  agendaPoints,
  collabSnapshots,
  decisions,
  goals,
  history,
  meetingAttendees,
  meetings,
  minutesVersions,
  organisations,
  users,
} from '../schema';

/**
 * The working group's meetings in the demo workspace: four past meetings of 2026 — a
 * series, each planned from the one before — with attendance, an agenda about the
 * agenda's goals and actions, notes written as the live editor stores them (a Yjs
 * document), decisions, and the actions they produced; the first three with published
 * minutes. And the next meeting, planned a few weeks from today with its agenda.
 *
 * Goals and actions are found by the agenda's codes; a missing code leaves the link out.
 */

type Note =
  | { p: string }
  | { bullets: string[] }
  /** An action item: the key of an action in `produces`. */
  | { action: string }
  /** A decision: the key of one in `decisions`. */
  | { decision: string };

type PointSpec = { title: string; minutes?: number; presenter?: string; goal?: string; action?: string; open?: boolean; notes: Note[] };

type MeetingSpec = {
  title: string;
  date: string;
  place: string;
  status: 'gehouden' | 'vastgesteld';
  absent?: string[];
  guests: { name: string; organisation: string; attended: boolean }[];
  points: PointSpec[];
  decisions: { key: string; text: string; goal?: string; action?: string }[];
  /** Actions the meeting agreed on; the trekker is a person (`owner`) or only an organisation. */
  produces: {
    key: string;
    title: string;
    goal: string;
    owner?: string;
    ownerOrganisation?: string;
    deadline: string;
    status: ActionStatus;
    progress: number;
  }[];
};

const HAARLEM = 'werkgroep.haarlem@koers.test';
const VELSEN = 'werkgroep.velsen@koers.test';
const ATTENDEES = [HAARLEM, VELSEN, 'gemeente.zandvoort@koers.test', 'adviseur@koers.test', 'beheer@koers.test'];
const TITLE = 'Ambtelijke werkgroep basisvaardigheden';
const PLACES = [
  'Stadhuis Haarlem, Zijlvest, kamer 2.14',
  'Stadhuis Velsen, IJmuiden, raadszaal',
  'Bibliotheek Zuid-Kennemerland, Haarlem Centrum',
];

const PAST: MeetingSpec[] = [
  {
    title: TITLE,
    date: '2026-03-10',
    place: PLACES[0],
    status: 'vastgesteld',
    guests: [{ name: 'Karin Smit', organisation: 'Taalhuis Haarlem', attended: true }],
    points: [
      {
        title: 'Opening en mededelingen',
        minutes: 10,
        presenter: 'Anouk de Vries',
        notes: [{ p: 'Welkom aan Karin Smit (Taalhuis Haarlem), die de werkgroep dit jaar als gast bijwoont.' }],
      },
      {
        title: 'Taalhuizen: stand van de certificering',
        minutes: 30,
        presenter: 'Karin Smit',
        goal: '1.3.c-A',
        action: '1.3.c-A1',
        notes: [
          { p: 'Vier van de zeven Taalhuizen zijn gecertificeerd; Heemstede, Bloemendaal en Zandvoort volgen dit jaar.' },
          {
            bullets: [
              'Het Taalpunt Zandvoort mist nog een vaste coördinator.',
              'De bibliotheken willen één regionale audit in plaats van zeven losse.',
            ],
          },
          { decision: 'audit' },
        ],
      },
      {
        title: 'Digi Sterker en Stap In: aanbod in de wijk',
        minutes: 25,
        presenter: 'Martijn Bakker',
        goal: '1.3.a-B',
        action: '1.3.a-B5',
        notes: [
          { p: 'Digi Sterker loopt in alle gemeenten; de wachtlijsten zitten vooral in Velsen en Beverwijk.' },
          { bullets: ['Extra cursusdata in de bibliotheek IJmuiden vanaf april.', 'Vrijwilligers van Stap In helpen bij de werving.'] },
          { action: 'digisterker' },
        ],
      },
      { title: 'Rondvraag en sluiting', minutes: 5, notes: [{ p: 'Geen punten voor de rondvraag.' }] },
    ],
    decisions: [
      {
        key: 'audit',
        text: 'De Taalhuizen laten zich in 2026 met één regionale audit certificeren; Haarlem vraagt de offerte op.',
        goal: '1.3.c-A',
        action: '1.3.c-A1',
      },
    ],
    produces: [
      {
        key: 'digisterker',
        title: 'Overzicht bijhouden van Digi Sterker-cursussen en wachtlijsten per Taalhuis',
        goal: '1.3.a-B',
        owner: VELSEN,
        deadline: 'Q4 2026',
        status: 'loopt',
        progress: 60,
      },
    ],
  },
  {
    title: TITLE,
    date: '2026-05-19',
    place: PLACES[1],
    status: 'vastgesteld',
    absent: ['gemeente.zandvoort@koers.test'],
    guests: [{ name: 'Jeroen Kok', organisation: 'Nova College', attended: true }],
    points: [
      {
        title: 'Opening en verslag 10 maart',
        minutes: 10,
        presenter: 'Martijn Bakker',
        notes: [{ p: 'Het verslag van 10 maart is ongewijzigd vastgesteld.' }],
      },
      {
        title: 'Contract formele educatie met het Nova College',
        minutes: 40,
        presenter: 'Jeroen Kok',
        goal: '1.2-A',
        action: '1.2-A2',
        notes: [
          { p: 'Het Nova College licht de resultaten van het eerste halfjaar toe: 212 deelnemers, waarvan 64 NT1-ers.' },
          { bullets: ['Uitval is hoger bij de avondgroepen.', 'De gemeenten willen per kwartaal cijfers per gemeente.'] },
          { decision: 'nova' },
          { action: 'evaluatie' },
        ],
      },
      {
        title: 'Werkgeversaanpak met de Taalakkoord-partners',
        minutes: 25,
        presenter: 'Anouk de Vries',
        goal: '1.3.a-B',
        action: '1.3.a-B6',
        open: true,
        notes: [
          {
            p: 'Drie werkgevers uit de bouw en de horeca willen meedoen. De financiering van de taaltrajecten op de werkvloer is nog niet rond.',
          },
        ],
      },
      {
        title: 'Rondvraag',
        minutes: 5,
        notes: [{ p: 'Fatima El Amrani meldt dat Stichting Lezen en Schrijven in juni een regiobijeenkomst organiseert.' }],
      },
    ],
    decisions: [
      {
        key: 'nova',
        text: 'Het Nova College levert voortaan per kwartaal deelnemerscijfers per gemeente aan de werkgroep.',
        goal: '1.2-A',
        action: '1.2-A2',
      },
    ],
    produces: [
      {
        key: 'evaluatie',
        title: 'Evaluatie van het contract met het Nova College voorbereiden',
        goal: '1.2-A',
        ownerOrganisation: 'Haarlem',
        deadline: 'Q1 2027',
        status: 'niet_gestart',
        progress: 0,
      },
    ],
  },
  {
    title: TITLE,
    date: '2026-09-08',
    place: PLACES[2],
    status: 'vastgesteld',
    guests: [{ name: 'Karin Smit', organisation: 'Taalhuis Haarlem', attended: false }],
    points: [
      {
        title: 'Opening en verslag 19 mei',
        minutes: 10,
        presenter: 'Anouk de Vries',
        notes: [{ p: 'Verslag vastgesteld. Karin Smit heeft zich afgemeld.' }],
      },
      {
        title: 'Bereik NT1-ers: begrijpelijke communicatie',
        minutes: 30,
        presenter: 'Fatima El Amrani',
        goal: '1.3.a-A',
        action: '1.3.a-A3',
        notes: [
          {
            p: 'De aanpak begrijpelijke communicatie ligt stil sinds 2022. Stichting Lezen en Schrijven biedt de training "Heldere taal" aan voor de klantcontactcentra.',
          },
          { bullets: ['Zandvoort en Heemstede willen als eerste meedoen.', 'Ervaringsdeskundigen van Stichting ABC toetsen de brieven.'] },
          { decision: 'heldere-taal' },
          { action: 'training' },
        ],
      },
      {
        title: 'Laaggeletterdheid onder jongvolwassenen: talentenacademy',
        minutes: 25,
        presenter: 'Martijn Bakker',
        goal: '1.3.b-A',
        action: '1.3.b-A2',
        open: true,
        notes: [{ p: 'Er is nog geen zicht op de landelijke middelen; het besluit over de talentenacademy schuift door.' }],
      },
      { title: 'Rondvraag en sluiting', minutes: 5, notes: [{ p: 'Volgende keer: de monitorresultaten van Qwasp.' }] },
    ],
    decisions: [
      {
        key: 'heldere-taal',
        text: 'De gemeenten starten in het najaar met de training "Heldere taal" voor medewerkers van de klantcontactcentra.',
        goal: '1.3.a-A',
        action: '1.3.a-A3',
      },
    ],
    produces: [
      {
        key: 'training',
        title: 'Training "Heldere taal" plannen voor de klantcontactcentra van Zandvoort en Heemstede',
        goal: '1.3.a-A',
        owner: 'gemeente.zandvoort@koers.test',
        deadline: 'december 2026',
        status: 'loopt',
        progress: 40,
      },
    ],
  },
  {
    title: TITLE,
    date: '2026-11-03',
    place: PLACES[0],
    status: 'gehouden',
    absent: ['beheer@koers.test'],
    guests: [{ name: 'Jeroen Kok', organisation: 'Nova College', attended: true }],
    points: [
      {
        title: 'Opening en verslag 8 september',
        minutes: 10,
        presenter: 'Anouk de Vries',
        notes: [{ p: 'Verslag vastgesteld met één correctie in de deelnemerslijst.' }],
      },
      {
        title: 'Monitoring: resultaten 2025 en bijsturing',
        minutes: 35,
        presenter: 'Anouk de Vries',
        goal: '1.3.d-A',
        action: '1.3.d-A2',
        open: true,
        notes: [
          {
            p: 'Qwasp levert de monitorresultaten over 2025 half november. Eerste beeld: het bereik onder NT1-ers stijgt, maar blijft achter in IJmond.',
          },
          {
            bullets: [
              'Bijsturing bespreken zodra de cijfers binnen zijn.',
              'Cijfers per gemeente opnemen in de verantwoording aan de wethouders.',
            ],
          },
        ],
      },
      {
        title: 'Werkgeversaanpak Taalakkoord: financiering',
        minutes: 25,
        presenter: 'Martijn Bakker',
        goal: '1.3.a-B',
        action: '1.3.a-B6',
        notes: [
          {
            p: "Twee scenario's voor de financiering van taaltrajecten op de werkvloer besproken: cofinanciering door de werkgevers of een regionale pot.",
          },
          { decision: 'cofinanciering' },
          { action: 'voorstel' },
        ],
      },
      { title: 'Rondvraag', minutes: 5, notes: [{ p: 'Geen punten.' }] },
    ],
    decisions: [
      {
        key: 'cofinanciering',
        text: 'De werkgeversaanpak gaat uit van cofinanciering: werkgevers betalen de helft van de taaltrajecten op de werkvloer.',
        goal: '1.3.a-B',
        action: '1.3.a-B6',
      },
    ],
    produces: [
      {
        key: 'voorstel',
        title: 'Voorstel financiering werkgeversaanpak opstellen voor het bestuurlijk overleg',
        goal: '1.3.a-B',
        owner: VELSEN,
        deadline: 'januari 2027',
        status: 'niet_gestart',
        progress: 0,
      },
    ],
  },
];

const NEXT_POINTS: PointSpec[] = [
  { title: 'Opening en verslag 3 november', minutes: 10, presenter: 'Anouk de Vries', notes: [] },
  {
    title: 'Monitoring: resultaten 2025 en bijsturing',
    minutes: 35,
    presenter: 'Anouk de Vries',
    goal: '1.3.d-A',
    action: '1.3.d-A2',
    notes: [],
  },
  {
    title: 'Evaluatie contract Nova College: opzet',
    minutes: 25,
    presenter: 'Jeroen Kok (Nova College)',
    goal: '1.2-A',
    action: '1.2-A2',
    notes: [],
  },
  {
    title: 'Taalhuizen en Digi Sterker: planning 2027',
    minutes: 20,
    presenter: 'Martijn Bakker',
    goal: '1.3.a-B',
    action: '1.3.a-B5',
    notes: [],
  },
  { title: 'Rondvraag en sluiting', minutes: 5, notes: [] },
];

/** The first Tuesday at least two weeks after `today`: when the working group meets next. */
function nextMeetingDay(today: string): string {
  let day = addDays(today, 14);
  while (new Date(`${day}T12:00:00Z`).getUTCDay() !== 2) day = addDays(day, 1);
  return day;
}

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement(NOTES_NODES.paragraph);
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}

/** Numbers stay numbers, as y-prosemirror stores ProseMirror attrs (Yjs' typings say string). */
function atom(name: string, attr: string, id: number): Y.XmlElement {
  const node = new Y.XmlElement(name);
  node.setAttribute(attr, id as unknown as string);
  return node;
}

/** The notes as the Tiptap editor stores them: per agenda point a level-2 heading, then its notes. */
function buildNotes(
  doc: Y.Doc,
  points: { id: number; spec: PointSpec }[],
  ids: { actions: Map<string, number>; decisions: Map<string, number> },
) {
  const fragment = doc.getXmlFragment(NOTES_FIELD);
  const nodes: Y.XmlElement[] = [];
  for (const { id, spec } of points) {
    const heading = new Y.XmlElement(NOTES_NODES.heading);
    heading.setAttribute(NOTES_ATTRS.level, AGENDA_HEADING_LEVEL as unknown as string);
    heading.setAttribute(NOTES_ATTRS.agendaPointId, id as unknown as string);
    heading.insert(0, [new Y.XmlText(spec.title)]);
    nodes.push(heading);
    for (const note of spec.notes) {
      if ('p' in note) nodes.push(paragraph(note.p));
      else if ('bullets' in note) {
        const list = new Y.XmlElement(NOTES_NODES.bulletList);
        list.insert(
          0,
          note.bullets.map((text) => {
            const item = new Y.XmlElement(NOTES_NODES.listItem);
            item.insert(0, [paragraph(text)]);
            return item;
          }),
        );
        nodes.push(list);
      } else if ('action' in note) {
        const id = ids.actions.get(note.action);
        if (id) nodes.push(atom(NOTES_NODES.actionItem, NOTES_ATTRS.actionId, id));
      } else {
        const id = ids.decisions.get(note.decision);
        if (id) nodes.push(atom(NOTES_NODES.decision, NOTES_ATTRS.decisionId, id));
      }
    }
  }
  fragment.insert(0, nodes);
}

export function seedDemoMeetings(tx: Tx) {
  const userId = (email: string) => tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()?.id ?? null;
  // A code carried over to a later period names the newest goal or action: the 2026
  // meetings work in the current period (docs/decisions/017-agenda-periods.md).
  const goalId = (code?: string) =>
    code ? (tx.select({ id: goals.id }).from(goals).where(eq(goals.code, code)).orderBy(desc(goals.id)).get()?.id ?? null) : null;
  const actionId = (code?: string) =>
    code ? (tx.select({ id: actions.id }).from(actions).where(eq(actions.code, code)).orderBy(desc(actions.id)).get()?.id ?? null) : null;
  const chair = userId(HAARLEM);

  const insertPoints = (meetingId: number, specs: PointSpec[], held: boolean) =>
    specs.map((spec, i) => ({
      spec,
      id: tx
        .insert(agendaPoints)
        .values({
          meetingId,
          position: i + 1,
          title: spec.title,
          durationMinutes: spec.minutes ?? null,
          presenter: spec.presenter ?? '',
          goalId: goalId(spec.goal),
          actionId: actionId(spec.action),
          status: held && !spec.open ? 'afgerond' : 'open',
        })
        .returning({ id: agendaPoints.id })
        .get().id,
    }));

  const insertAttendees = (meetingId: number, spec: Pick<MeetingSpec, 'absent' | 'guests'>, marked: boolean) => {
    for (const email of ATTENDEES) {
      const id = userId(email);
      if (id)
        tx.insert(meetingAttendees)
          .values({ meetingId, userId: id, attended: marked ? !(spec.absent ?? []).includes(email) : null })
          .run();
    }
    for (const guest of spec.guests) {
      tx.insert(meetingAttendees)
        .values({ meetingId, guestName: guest.name, guestOrganisation: guest.organisation, attended: marked ? guest.attended : null })
        .run();
    }
  };

  let previous: number | null = null;
  let lastPoints: { id: number; spec: PointSpec }[] = [];
  for (const spec of PAST) {
    const startsAt = nlToUtc(spec.date, '10:00');
    const meetingId: number = tx
      .insert(meetings)
      .values({
        title: spec.title,
        kind: 'werkgroep',
        startsAt,
        place: spec.place,
        status: spec.status,
        durationMinutes: 120,
        previousMeetingId: previous,
        createdBy: chair,
        createdAt: nlToUtc(addDays(spec.date, -28), '09:00'),
      })
      .returning({ id: meetings.id })
      .get().id;
    insertAttendees(meetingId, spec, true);
    const points = insertPoints(meetingId, spec.points, true);
    lastPoints = points;
    const endOfMeeting = nlToUtc(spec.date, '11:45');

    const ids = { actions: new Map<string, number>(), decisions: new Map<string, number>() };
    for (const d of spec.decisions) {
      const row = tx
        .insert(decisions)
        .values({
          meetingId,
          text: d.text,
          goalId: goalId(d.goal),
          actionId: actionId(d.action),
          createdBy: chair,
          createdAt: endOfMeeting,
        })
        .returning({ id: decisions.id })
        .get();
      ids.decisions.set(d.key, row.id);
    }
    // Produced actions are made like every demo action (demo-history.ts): a row with a
    // K-code and a 'create' entry in the history, dated at the meeting.
    for (const a of spec.produces) {
      const goal = goalId(a.goal);
      const deadline = parseDeadline(a.deadline);
      if (!goal || !deadline.ok) continue;
      const owner = a.owner ? userId(a.owner) : null;
      const ownerOrganisationId = owner
        ? (tx.select({ org: users.organisationId }).from(users).where(eq(users.id, owner)).get()?.org ?? null)
        : a.ownerOrganisation
          ? (tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, a.ownerOrganisation)).get()?.id ?? null)
          : null;
      // Last in its goal, as createAction places a new action.
      const position = tx
        .select({ next: sql<number>`coalesce(max(${actions.position}), 0) + 1` })
        .from(actions)
        .where(eq(actions.goalId, goal))
        .get()!.next;
      const fields = {
        goalId: goal,
        title: a.title,
        ownerUserId: owner,
        ownerOrganisationId,
        deadlinePhrase: deadline.deadline.phrase,
        deadlineStart: deadline.deadline.start,
        deadlineEnd: deadline.deadline.end,
        status: a.status,
        progress: a.progress,
      };
      const row = tx
        .insert(actions)
        .values({
          ...fields,
          agendaId: agendaIdOfGoal(tx, goal)!,
          position,
          sourceMeetingId: meetingId,
          createdAt: endOfMeeting,
          updatedAt: endOfMeeting,
        })
        .returning({ id: actions.id })
        .get();
      tx.update(actions)
        .set({ code: `K${row.id}` })
        .where(eq(actions.id, row.id))
        .run();
      tx.insert(history)
        .values({
          entityType: 'action',
          entityId: row.id,
          userId: chair,
          change: 'create',
          after: JSON.stringify(fields),
          at: endOfMeeting,
        })
        .run();
      ids.actions.set(a.key, row.id);
    }

    const doc = new Y.Doc();
    try {
      buildNotes(doc, points, ids);
      // Stored as a compacted snapshot (what compactDocument would write), through this
      // transaction: the seed may run on a database other than the process-wide one, and
      // a snapshot's text is what search indexes.
      const fragment = doc.getXmlFragment(NOTES_FIELD);
      const notes = fragmentToJson(fragment);
      tx.insert(collabSnapshots)
        .values({
          documentName: notesDocumentName(meetingId),
          state: Buffer.from(Y.encodeStateAsUpdate(doc)),
          lastUpdateId: 0,
          text: fragmentToText(fragment),
          json: JSON.stringify(notes),
          updatedAt: endOfMeeting,
        })
        .run();
      if (spec.status === 'vastgesteld') {
        const minutes = freezeMinutes(tx, {
          meetingId,
          notes,
          meeting: { title: spec.title, kind: 'werkgroep', startsAt, place: spec.place },
        });
        tx.insert(minutesVersions)
          .values({
            meetingId,
            version: 1,
            json: JSON.stringify(minutes),
            text: minutesText(minutesBlocks(minutes)),
            publishedBy: chair,
            publishedAt: nlToUtc(addDays(spec.date, 7), '16:00'),
          })
          .run();
      }
    } finally {
      doc.destroy();
    }
    previous = meetingId;
  }

  const nextDay = nextMeetingDay(todayInNL());
  const next = tx
    .insert(meetings)
    .values({
      title: TITLE,
      kind: 'werkgroep',
      startsAt: nlToUtc(nextDay, '10:00'),
      place: PLACES[1],
      status: 'gepland',
      durationMinutes: 120,
      previousMeetingId: previous,
      createdBy: chair,
    })
    .returning({ id: meetings.id })
    .get().id;
  insertAttendees(next, { guests: [{ name: 'Jeroen Kok', organisation: 'Nova College', attended: false }] }, false);
  // Open points of the last meeting came along when this one was planned from it.
  for (const { id, spec } of insertPoints(next, NEXT_POINTS, false)) {
    const from = lastPoints.find((p) => p.spec.open && p.spec.title === spec.title);
    if (from) tx.update(agendaPoints).set({ carriedFromId: from.id }).where(eq(agendaPoints.id, id)).run();
  }
}

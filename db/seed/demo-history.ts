import { eq } from 'drizzle-orm';

import type { Tx } from '../../app/models/history.server';
import { agendaIdOfGoal } from '../../app/models/periods/period-guard.server';
import type { ActionStatus } from '../../app/models/tracker/action-status';
import { parseDeadline } from '../../app/models/tracker/deadline';
import { actions, comments, goals, history, localAccents, organisations, progressUpdates, users } from '../schema';

/**
 * A lived-in demo workspace: what the working group did with the agenda, told as
 * progress reports, status changes, local accents, local actions and the advisers'
 * comments. Dates run from 2021 to the last weeks, so every page (and "Wat is er
 * veranderd") has something to show. Items are found by the agenda's codes; a
 * missing code is skipped so an edited agenda never breaks the demo.
 */

type Report = { at: string; by: string; body: string; status?: ActionStatus; progress?: number };

const ACTION_STORIES: { code: string; owner?: string; ownerOrganisation?: string; reports: Report[] }[] = [
  {
    code: '1.3.a-A1',
    owner: 'werkgroep.haarlem@koers.test',
    ownerOrganisation: 'Haarlem',
    reports: [
      {
        at: '2021-02-11T10:00:00Z',
        by: 'werkgroep.haarlem@koers.test',
        body: 'Eerste opzet van het plan NT1-werving besproken in de werkgroep.',
        status: 'loopt',
        progress: 30,
      },
      {
        at: '2021-06-24T10:00:00Z',
        by: 'werkgroep.haarlem@koers.test',
        body: 'Plan vastgesteld in het ambtelijk overleg; ervaringsdeskundigen van Stichting ABC denken mee over de werving.',
        status: 'afgerond',
        progress: 100,
      },
    ],
  },
  {
    code: '1.3.a-A2',
    owner: 'werkgroep.velsen@koers.test',
    ownerOrganisation: 'Velsen',
    reports: [
      {
        at: '2021-09-16T10:00:00Z',
        by: 'werkgroep.velsen@koers.test',
        body: 'Offerte voor een regionale campagne "Taalhuis om de hoek" opgevraagd bij twee bureaus.',
        status: 'loopt',
        progress: 25,
      },
      {
        at: '2022-03-10T10:00:00Z',
        by: 'werkgroep.velsen@koers.test',
        body: 'Campagne gestart in Velsen en Beverwijk; de andere gemeenten volgen na de zomer.',
        progress: 60,
      },
    ],
  },
  {
    code: '1.3.a-A3',
    ownerOrganisation: 'Haarlem',
    reports: [
      {
        at: '2022-01-20T10:00:00Z',
        by: 'werkgroep.haarlem@koers.test',
        body: 'Inventarisatie van de subsidieverordeningen per gemeente gemaakt; bestekken volgen.',
        status: 'loopt',
        progress: 40,
      },
    ],
  },
  {
    code: '1.3.a-B4',
    ownerOrganisation: 'Taalhuizen en bibliotheken',
    reports: [
      {
        at: '2021-11-04T10:00:00Z',
        by: 'werkgroep.velsen@koers.test',
        body: 'Pilot "Gezond eten, goed lezen" met de bibliotheek Velsen: 12 deelnemers.',
        status: 'loopt',
        progress: 50,
      },
    ],
  },
  {
    code: '1.3.a-B5',
    reports: [
      {
        at: '2022-05-12T10:00:00Z',
        by: 'werkgroep.haarlem@koers.test',
        body: 'Stap In en Digi Sterker staan vast op de agenda van elk periodiek overleg.',
        status: 'loopt',
        progress: 70,
      },
    ],
  },
  {
    code: '1.3.a-B6',
    reports: [
      {
        at: '2022-09-29T10:00:00Z',
        by: 'werkgroep.haarlem@koers.test',
        body: 'Drie Taalakkoord-partners (bouw en horeca) willen meedoen; er is een besluit nodig over de financiering.',
        status: 'besluit_nodig',
        progress: 30,
      },
    ],
  },
  {
    code: '1.3.b-A1',
    owner: 'werkgroep.velsen@koers.test',
    ownerOrganisation: 'Velsen',
    reports: [
      {
        at: '2021-05-20T10:00:00Z',
        by: 'werkgroep.velsen@koers.test',
        body: 'Verkenning jeugdpreventie-coalitie met het LEA-netwerk gestart.',
        status: 'loopt',
        progress: 40,
      },
      {
        at: '2021-11-25T10:00:00Z',
        by: 'werkgroep.velsen@koers.test',
        body: 'Besluit genomen in het bestuurlijk overleg: de coalitieaanpak wordt in IJmond beproefd.',
        status: 'afgerond',
        progress: 100,
      },
    ],
  },
  {
    code: '1.3.b-A2',
    reports: [
      {
        at: '2021-10-07T10:00:00Z',
        by: 'werkgroep.haarlem@koers.test',
        body: "Twee scenario's voor de talentenacademy uitgewerkt; het besluit is uitgesteld tot er zicht is op de landelijke middelen.",
        status: 'besluit_nodig',
        progress: 20,
      },
    ],
  },
  {
    code: '1.3.b-A3',
    reports: [
      {
        at: '2022-02-17T10:00:00Z',
        by: 'werkgroep.velsen@koers.test',
        body: 'Eerste periodiek overleg met het RBL Leerplein gehouden.',
        status: 'loopt',
        progress: 50,
      },
    ],
  },
  {
    code: '1.3.c-A1',
    ownerOrganisation: 'Taalhuizen en bibliotheken',
    reports: [
      {
        at: '2021-12-09T10:00:00Z',
        by: 'werkgroep.haarlem@koers.test',
        body: 'Afspraken over het certificeringsproces vastgelegd met de bibliotheken.',
        status: 'afgerond',
        progress: 100,
      },
    ],
  },
  {
    code: '1.3.c-B1',
    reports: [
      {
        at: '2021-12-16T10:00:00Z',
        by: 'werkgroep.haarlem@koers.test',
        body: 'Bestuurlijk besluit: het regionale aanbod komt op het bestaande platform van de bibliotheken.',
        status: 'afgerond',
        progress: 100,
      },
    ],
  },
  {
    code: '1.3.c-C1',
    ownerOrganisation: 'Stichting ABC',
    reports: [
      {
        at: '2021-03-25T10:00:00Z',
        by: 'werkgroep.velsen@koers.test',
        body: 'Met Stichting ABC en vier ervaringsdeskundigen besloten: een panel van zes personen, twee keer per jaar.',
        status: 'afgerond',
        progress: 100,
      },
    ],
  },
  {
    code: '1.3.d-A1',
    ownerOrganisation: 'Qwasp',
    reports: [
      {
        at: '2021-07-01T10:00:00Z',
        by: 'werkgroep.haarlem@koers.test',
        body: 'Regionale doelstellingen vastgesteld op basis van de 0-meting 2020.',
        status: 'afgerond',
        progress: 100,
      },
    ],
  },
  {
    code: '1.3.d-A2',
    reports: [
      {
        at: '2026-11-19T10:00:00Z',
        by: 'werkgroep.haarlem@koers.test',
        body: 'Monitorresultaten 2025 ontvangen van Qwasp; bijsturing volgt in het volgende overleg.',
        status: 'loopt',
        progress: 60,
      },
    ],
  },
  {
    code: '1.2-A1',
    reports: [
      {
        at: '2021-12-31T10:00:00Z',
        by: 'werkgroep.haarlem@koers.test',
        body: 'De gunning aan het Nova College is per 31-12-2021 afgelopen.',
        status: 'afgerond',
        progress: 100,
      },
    ],
  },
  {
    code: '1.2-A2',
    ownerOrganisation: 'Haarlem',
    reports: [
      {
        at: '2021-06-15T10:00:00Z',
        by: 'werkgroep.haarlem@koers.test',
        body: 'Aanbestedingsprocedure gestart; de gemeenten zitten in de beoordelingscommissie.',
        status: 'loopt',
        progress: 30,
      },
      {
        at: '2021-11-30T10:00:00Z',
        by: 'werkgroep.haarlem@koers.test',
        body: 'Gunning voor de nieuwe periode rond.',
        status: 'afgerond',
        progress: 100,
      },
    ],
  },
];

const ACCENTS: { goal: string; municipality: string; by: string; at: string; body: string }[] = [
  {
    goal: '1.3.a-A',
    municipality: 'Zandvoort',
    by: 'gemeente.zandvoort@koers.test',
    at: '2026-11-18T14:00:00Z',
    body: 'Zandvoort zet in op werving via de Voedselbank en het Klantcontactcentrum: medewerkers herkennen en verwijzen door naar het Taalpunt in de bibliotheek.',
  },
  {
    goal: '1.3.a-A',
    municipality: 'Haarlem',
    by: 'werkgroep.haarlem@koers.test',
    at: '2022-04-07T09:00:00Z',
    body: 'Haarlem werft NT1-ers via de wijkteams in Schalkwijk en Oost, met ervaringsdeskundigen als taalambassadeur.',
  },
  {
    goal: '1.3.a-B',
    municipality: 'Velsen',
    by: 'werkgroep.velsen@koers.test',
    at: '2022-06-02T09:00:00Z',
    body: 'Velsen ontwikkelt thematisch aanbod rond geldzaken, samen met de schuldhulpverlening.',
  },
  {
    goal: '1.3.b-A',
    municipality: 'Velsen',
    by: 'werkgroep.velsen@koers.test',
    at: '2022-01-13T09:00:00Z',
    body: "Voorleesexpress en VVE-ouderprogramma's in IJmuiden; koppeling met het CJG.",
  },
  {
    goal: '1.3.c-B',
    municipality: 'Zandvoort',
    by: 'gemeente.zandvoort@koers.test',
    at: '2023-03-09T09:00:00Z',
    body: 'Het Zandvoortse aanbod staat op het regionale platform; het Taalpunt houdt het bij.',
  },
];

const LOCAL_ACTIONS: {
  goal: string;
  municipality: string;
  title: string;
  deadline: string;
  status: ActionStatus;
  progress: number;
  owner: string;
}[] = [
  {
    goal: '1.3.a-A',
    municipality: 'Zandvoort',
    title: 'Medewerkers Klantcontactcentrum trainen in herkennen en doorverwijzen',
    deadline: 'Q1 2027',
    status: 'loopt',
    progress: 40,
    owner: 'gemeente.zandvoort@koers.test',
  },
  {
    goal: '1.3.a-A',
    municipality: 'Zandvoort',
    title: 'Taalcafé in de bibliotheek Zandvoort op vrijdagochtend',
    deadline: 'vanaf september 2021',
    status: 'afgerond',
    progress: 100,
    owner: 'gemeente.zandvoort@koers.test',
  },
  {
    goal: '1.3.a-A',
    municipality: 'Haarlem',
    title: 'Taalambassadeurs inzetten in Schalkwijk',
    deadline: 'eind 2022',
    status: 'afgerond',
    progress: 100,
    owner: 'werkgroep.haarlem@koers.test',
  },
  {
    goal: '1.3.a-B',
    municipality: 'Velsen',
    title: 'Cursus "Rondkomen met je geld" in het Taalhuis Velsen',
    deadline: 'medio 2027',
    status: 'loopt',
    progress: 30,
    owner: 'werkgroep.velsen@koers.test',
  },
];

const THREADS: {
  on: { goal?: string; action?: string };
  at: string;
  by: string;
  body: string;
  resolvedBy?: string;
  replies: { at: string; by: string; body: string }[];
}[] = [
  {
    on: { goal: '1.3.a-A' },
    at: '2021-03-02T15:00:00Z',
    by: 'adviseur@koers.test',
    body: 'Overweeg ervaringsdeskundigen niet alleen bij de werving maar ook bij het toetsen van de folders te betrekken: zij zien direct wat onbegrijpelijk is.',
    resolvedBy: 'adviseur@koers.test',
    replies: [
      { at: '2021-03-04T09:30:00Z', by: 'werkgroep.haarlem@koers.test', body: 'Goed punt, we nemen het mee in het plan (actie 1).' },
    ],
  },
  {
    on: { action: '1.3.b-A2' },
    at: '2022-01-18T11:00:00Z',
    by: 'adviseur@koers.test',
    body: 'In de regio Amersfoort draait een vergelijkbare talentenacademy; ik kan een werkbezoek regelen als dat helpt bij het besluit.',
    replies: [{ at: '2022-01-20T08:45:00Z', by: 'werkgroep.velsen@koers.test', body: 'Graag, liefst nog voor het bestuurlijk overleg.' }],
  },
  {
    on: { action: '1.3.a-A3' },
    at: '2026-11-20T10:15:00Z',
    by: 'adviseur@koers.test',
    body: 'Deze actie staat nog open terwijl de termijn (medio 2022) lang voorbij is. Is er een nieuwe planning?',
    replies: [
      {
        at: '2026-11-24T13:40:00Z',
        by: 'adviseur@koers.test',
        body: '@Anouk de Vries, Haarlem trekt deze actie: kun jij een nieuwe planning meenemen naar het volgende overleg?',
      },
    ],
  },
  {
    on: { action: '1.3.a-A1' },
    at: '2021-07-01T09:15:00Z',
    by: 'adviseur@koers.test',
    body: "Mooi plan. Mag ik het delen met de andere regio's in ons netwerk? Het wervingsdeel is een goed voorbeeld.",
    replies: [
      { at: '2021-07-02T08:00:00Z', by: 'werkgroep.haarlem@koers.test', body: 'Ja, graag. Laat het weten als er vragen over komen.' },
      {
        at: '2026-11-23T15:20:00Z',
        by: 'gemeente.zandvoort@koers.test',
        body: 'Zandvoort wil het wervingsplan overnemen voor het Taalpunt. Is er een versie met de cijfers van dit jaar?',
      },
    ],
  },
];

export function seedDemoHistory(tx: Tx) {
  const userId = (email: string) => tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()?.id ?? null;
  const orgId = (name: string) =>
    tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name)).get()?.id ?? null;
  const goalId = (code: string) => tx.select({ id: goals.id }).from(goals).where(eq(goals.code, code)).get()?.id ?? null;
  const logHistory = (entityType: 'action' | 'accent', entityId: number, by: number | null, at: string, before: object, after: object) =>
    tx
      .insert(history)
      .values({ entityType, entityId, userId: by, change: 'update', before: JSON.stringify(before), after: JSON.stringify(after), at })
      .run();

  for (const story of ACTION_STORIES) {
    const action = tx.select().from(actions).where(eq(actions.code, story.code)).get();
    if (!action) continue;
    const owner = story.owner ? userId(story.owner) : null;
    const ownerOrganisationId = story.ownerOrganisation ? orgId(story.ownerOrganisation) : action.ownerOrganisationId;
    if (owner || ownerOrganisationId !== action.ownerOrganisationId) {
      const at = story.reports[0]?.at ?? '2021-01-15T09:00:00Z';
      tx.update(actions).set({ ownerUserId: owner, ownerOrganisationId }).where(eq(actions.id, action.id)).run();
      logHistory(
        'action',
        action.id,
        userId(story.reports[0]?.by ?? 'werkgroep.haarlem@koers.test'),
        at,
        { ownerUserId: null, ownerOrganisationId: action.ownerOrganisationId },
        { ownerUserId: owner, ownerOrganisationId },
      );
    }
    let state = { status: action.status, progress: action.progress };
    for (const report of story.reports) {
      const by = userId(report.by)!;
      const next = { status: report.status ?? state.status, progress: report.progress ?? state.progress };
      tx.insert(progressUpdates)
        .values({
          actionId: action.id,
          authorId: by,
          body: report.body,
          statusFrom: next.status !== state.status ? state.status : null,
          statusTo: next.status !== state.status ? next.status : null,
          progress: next.progress !== state.progress ? next.progress : null,
          createdAt: report.at,
        })
        .run();
      logHistory('action', action.id, by, report.at, state, next);
      state = next;
    }
    const lastAt = story.reports.at(-1)?.at ?? action.updatedAt;
    tx.update(actions)
      .set({ ...state, updatedAt: lastAt })
      .where(eq(actions.id, action.id))
      .run();
  }

  for (const accent of ACCENTS) {
    const goal = goalId(accent.goal);
    const municipality = orgId(accent.municipality);
    if (!goal || !municipality) continue;
    const by = userId(accent.by);
    const row = tx
      .insert(localAccents)
      .values({ goalId: goal, municipalityId: municipality, body: accent.body, updatedAt: accent.at, updatedBy: by })
      .returning({ id: localAccents.id })
      .get();
    tx.insert(history)
      .values({
        entityType: 'accent',
        entityId: row.id,
        userId: by,
        change: 'create',
        after: JSON.stringify({ body: accent.body }),
        at: accent.at,
      })
      .run();
  }

  for (const local of LOCAL_ACTIONS) {
    const goal = goalId(local.goal);
    const municipality = orgId(local.municipality);
    const deadline = parseDeadline(local.deadline);
    if (!goal || !municipality || !deadline.ok) continue;
    const owner = userId(local.owner);
    const fields = {
      goalId: goal,
      title: local.title,
      deadlinePhrase: deadline.deadline.phrase,
      deadlineStart: deadline.deadline.start,
      deadlineEnd: deadline.deadline.end,
      status: local.status,
      progress: local.progress,
      municipalityId: municipality,
      ownerUserId: owner,
      ownerOrganisationId: municipality,
    };
    const row = tx
      .insert(actions)
      .values({ ...fields, agendaId: agendaIdOfGoal(tx, goal)!, position: 100 })
      .returning({ id: actions.id })
      .get();
    tx.update(actions)
      .set({ code: `K${row.id}` })
      .where(eq(actions.id, row.id))
      .run();
    tx.insert(history)
      .values({ entityType: 'action', entityId: row.id, userId: owner, change: 'create', after: JSON.stringify(fields) })
      .run();
  }

  for (const thread of THREADS) {
    const target = thread.on.goal
      ? { targetType: 'goal' as const, targetId: goalId(thread.on.goal) }
      : {
          targetType: 'action' as const,
          targetId: tx.select({ id: actions.id }).from(actions).where(eq(actions.code, thread.on.action!)).get()?.id ?? null,
        };
    if (!target.targetId) continue;
    const root = tx
      .insert(comments)
      .values({
        targetType: target.targetType,
        targetId: target.targetId,
        authorId: userId(thread.by)!,
        body: thread.body,
        createdAt: thread.at,
        resolvedAt: thread.resolvedBy ? (thread.replies.at(-1)?.at ?? thread.at) : null,
        resolvedBy: thread.resolvedBy ? userId(thread.resolvedBy) : null,
      })
      .returning({ id: comments.id })
      .get();
    for (const reply of thread.replies) {
      tx.insert(comments)
        .values({
          targetType: target.targetType,
          targetId: target.targetId,
          parentId: root.id,
          authorId: userId(reply.by)!,
          body: reply.body,
          createdAt: reply.at,
        })
        .run();
    }
  }
}

import { eq, inArray } from 'drizzle-orm';

import type { Tx } from '../../app/models/history.server';
import type { LibraryKind, TargetGroup } from '../../app/models/library/library-rules';
import { actions, comments, goals, libraryItemLinks, libraryItems, libraryItemTargetGroups, organisations, themes, users } from '../schema';

/**
 * A filled knowledge library for the demo: the links, good practices and contacts the
 * working group would share, tagged and linked to the seeded agenda by its codes (a
 * missing code is skipped, so an edited agenda never breaks the demo). No uploaded
 * files: those need the uploads folder, which a seed inside a transaction should not touch.
 */
type DemoItem = {
  kind: LibraryKind;
  title: string;
  summary: string;
  body?: string;
  url?: string;
  contact?: { name: string; organisation?: string; email?: string; phone?: string };
  theme?: string;
  municipality?: string;
  targetGroups: TargetGroup[];
  goals?: string[];
  actions?: string[];
  by: string;
  at: string;
  comments?: { by: string; at: string; body: string }[];
};

const ITEMS: DemoItem[] = [
  {
    kind: 'link',
    title: 'Stichting Lezen en Schrijven: aanpak laaggeletterdheid voor gemeenten',
    summary: 'Handreikingen, cijfers per gemeente en voorbeelden van regionale aanpakken; het startpunt voor nieuwe werkgroepleden.',
    url: 'https://www.lezenenschrijven.nl/gemeenten',
    theme: '1.3.a',
    targetGroups: ['NT1', 'professionals'],
    goals: ['1.3.a-A'],
    actions: ['1.3.a-A1'],
    by: 'adviseur@koers.test',
    at: '2021-03-04T09:15:00Z',
  },
  {
    kind: 'link',
    title: 'Digi Sterker: cursus digitale vaardigheden in de bibliotheek',
    summary: 'Landelijke cursus om te leren werken met DigiD en de websites van de overheid; in alle bibliotheken van de regio te geven.',
    url: 'https://www.digisterker.nl/',
    theme: '1.3.a',
    targetGroups: ['NT1', 'NT2'],
    goals: ['1.3.a-B'],
    actions: ['1.3.a-B5'],
    by: 'werkgroep.haarlem@koers.test',
    at: '2021-06-17T13:40:00Z',
  },
  {
    kind: 'link',
    title: 'Stap In: lesmethode voor beginnende lezers en schrijvers',
    summary:
      'Materiaal voor vrijwilligers in het Taalhuis die NT1-ers helpen met lezen en schrijven; met handleiding voor taalvrijwilligers.',
    url: 'https://www.lezenenschrijven.nl/aanbod/stap-in',
    theme: '1.3.a',
    targetGroups: ['NT1', 'professionals'],
    actions: ['1.3.a-B5'],
    by: 'adviseur@koers.test',
    at: '2021-09-02T10:05:00Z',
  },
  {
    kind: 'link',
    title: 'Taalhuis Haarlem: spreekuren en aanbod',
    summary: 'Waar inwoners en verwijzers terechtkunnen: inloopspreekuren, taalcafés en digitale hulp in de bibliotheken van Haarlem.',
    url: 'https://www.bibliotheekzuidkennemerland.nl/taalhuis',
    theme: '1.3.c',
    municipality: 'Haarlem',
    targetGroups: ['NT1', 'NT2', 'ouders'],
    goals: ['1.3.c-B'],
    by: 'werkgroep.haarlem@koers.test',
    at: '2022-01-13T08:30:00Z',
  },
  {
    kind: 'voorbeeld',
    title: 'Taalhuis Velsen: werven via huisarts, wijkteam en voedselbank',
    summary:
      'Hoe het Taalhuis Velsen in een jaar twee keer zoveel NT1-ers bereikte door samen te werken met de mensen die zij al vertrouwen.',
    body: [
      '## Aanleiding',
      'NT1-ers melden zich zelden zelf bij het Taalhuis. Ze schamen zich, of weten niet dat er hulp is. In 2021 kwamen er in Velsen 14 NT1-ers binnen; de rest van de aanmeldingen waren NT2-ers.',
      '## Aanpak',
      '- **Vindplaatsen**: de huisartsenpraktijken, het sociaal wijkteam en de voedselbank kregen een korte training in het herkennen van laaggeletterdheid.',
      '- **Warme overdracht**: een verwijzer belt samen met de inwoner het Taalhuis, of loopt mee naar het spreekuur.',
      '- **Ervaringsdeskundigen**: twee taalambassadeurs vertellen hun verhaal in wachtkamers en op de markt.',
      '## Resultaat',
      'In 2022 meldden zich 31 NT1-ers aan, van wie 22 via een vindplaats. De training voor verwijzers is inmiddels overgenomen door Beverwijk en Heemskerk.',
      '## Wat we zouden aanraden',
      '1. Begin met één vindplaats en maak het daar goed.',
      '2. Houd de lijnen kort: één vast aanspreekpunt in het Taalhuis.',
      '3. Vier successen met de verwijzers, dan blijven ze verwijzen.',
      'Meer over herkennen en doorverwijzen: [Stichting Lezen en Schrijven](https://www.lezenenschrijven.nl/herkennen-en-doorverwijzen).',
    ].join('\n\n'),
    theme: '1.3.a',
    municipality: 'Velsen',
    targetGroups: ['NT1', 'professionals'],
    goals: ['1.3.a-A'],
    actions: ['1.3.a-A2', 'K21'],
    by: 'werkgroep.velsen@koers.test',
    at: '2022-11-10T15:20:00Z',
    comments: [
      {
        by: 'adviseur@koers.test',
        at: '2022-11-14T09:00:00Z',
        body: 'Mooi voorbeeld! De training voor verwijzers kunnen we ook regionaal aanbieden; ik neem het mee naar het volgende overleg.',
      },
    ],
  },
  {
    kind: 'voorbeeld',
    title: 'Werkgeversaanpak: taalcoaching op de werkvloer met Taalakkoord-partners',
    summary:
      'Drie werkgevers uit bouw en horeca in de IJmond laten medewerkers onder werktijd oefenen met taal, met een collega als taalcoach.',
    body: [
      '## Zo werkt het',
      'Een medewerker die wil oefenen krijgt een collega als **taalcoach**. Ze oefenen een uur per week onder werktijd, met materiaal uit het eigen werk: werkinstructies, veiligheidsregels en roosters.',
      '## Rol van de gemeente',
      '- De gemeente betaalt de training van de taalcoaches (twee dagdelen, gegeven door het Taalhuis).',
      '- De werkgever geeft de uren en een plek om te oefenen.',
      '- Het Taalhuis is vraagbaak en helpt bij doorverwijzing naar formeel aanbod.',
      '## Ervaringen',
      'Na een half jaar zeggen deelnemers dat ze werkinstructies beter begrijpen en vaker vragen stellen. Werkgevers zien minder fouten bij het invullen van formulieren.',
    ].join('\n\n'),
    theme: '1.3.a',
    municipality: 'Beverwijk',
    targetGroups: ['werkgevers', 'NT1', 'NT2'],
    actions: ['1.3.a-B6'],
    by: 'werkgroep.haarlem@koers.test',
    at: '2023-03-23T11:00:00Z',
  },
  {
    kind: 'contact',
    title: 'Spreker: ervaringsdeskundige taalambassadeur',
    summary:
      'Vertelt over leven met laaggeletterdheid en wat hielp om weer te gaan leren. Geschikt voor raadsinformatiebijeenkomsten en bijeenkomsten met verwijzers.',
    contact: { name: 'Henk Mulder', organisation: 'Stichting ABC', email: 'taalambassadeurs@example.nl', phone: '020 123 45 67' },
    theme: '1.3.c',
    targetGroups: ['NT1', 'professionals'],
    goals: ['1.3.c-C'],
    actions: ['1.3.c-C1'],
    by: 'adviseur@koers.test',
    at: '2022-05-19T14:10:00Z',
  },
  {
    kind: 'contact',
    title: 'Werkbezoek: Taalhuis en Digicafé in de bibliotheek Zandvoort',
    summary: 'Het Taalhuis ontvangt graag collega’s uit de regio op vrijdagochtend, tijdens het taalcafé en het Digicafé.',
    contact: {
      name: 'Coördinator Taalhuis Zandvoort',
      organisation: 'Bibliotheek Zandvoort',
      email: 'taalhuis.zandvoort@example.nl',
      phone: '023 765 43 21',
    },
    theme: '1.3.c',
    municipality: 'Zandvoort',
    targetGroups: ['NT1', 'NT2', 'jongvolwassenen'],
    goals: ['1.3.c-A'],
    actions: ['K19'],
    by: 'gemeente.zandvoort@koers.test',
    at: '2024-02-08T10:30:00Z',
  },
  {
    kind: 'link',
    title: 'Vragen over de monitor: contact met Qwasp',
    summary: 'Voor vragen over de regionale monitor en de 0-meting.',
    url: 'mailto:monitor@example.nl',
    theme: '1.3.d',
    targetGroups: ['professionals'],
    goals: ['1.3.d-A'],
    actions: ['1.3.d-A1'],
    by: 'werkgroep.velsen@koers.test',
    at: '2023-06-01T09:00:00Z',
  },
];

export function seedDemoLibrary(tx: Tx) {
  const userId = (email: string) => tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()?.id;
  const ids = <T extends { id: number }>(rows: T[]) => rows.map((row) => row.id);
  for (const item of ITEMS) {
    const createdBy = userId(item.by);
    if (createdBy === undefined) continue;
    const themeId = item.theme ? tx.select({ id: themes.id }).from(themes).where(eq(themes.code, item.theme)).get()?.id : undefined;
    const municipalityId = item.municipality
      ? tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, item.municipality)).get()?.id
      : undefined;
    const { id } = tx
      .insert(libraryItems)
      .values({
        kind: item.kind,
        title: item.title,
        summary: item.summary,
        body: item.body ?? '',
        url: item.url ?? null,
        contactName: item.contact?.name ?? null,
        contactOrganisation: item.contact?.organisation ?? null,
        contactEmail: item.contact?.email ?? null,
        contactPhone: item.contact?.phone ?? null,
        themeId: themeId ?? null,
        municipalityId: municipalityId ?? null,
        createdBy,
        createdAt: item.at,
        updatedAt: item.at,
      })
      .returning({ id: libraryItems.id })
      .get();
    if (item.targetGroups.length > 0)
      tx.insert(libraryItemTargetGroups)
        .values(item.targetGroups.map((targetGroup) => ({ itemId: id, targetGroup })))
        .run();
    const goalIds = item.goals?.length ? ids(tx.select({ id: goals.id }).from(goals).where(inArray(goals.code, item.goals)).all()) : [];
    const actionIds = item.actions?.length
      ? ids(tx.select({ id: actions.id }).from(actions).where(inArray(actions.code, item.actions)).all())
      : [];
    const links = [
      ...goalIds.map((targetId) => ({ itemId: id, targetType: 'goal' as const, targetId })),
      ...actionIds.map((targetId) => ({ itemId: id, targetType: 'action' as const, targetId })),
    ];
    if (links.length > 0) tx.insert(libraryItemLinks).values(links).run();
    for (const comment of item.comments ?? []) {
      const authorId = userId(comment.by);
      if (authorId === undefined) continue;
      tx.insert(comments).values({ targetType: 'library', targetId: id, authorId, body: comment.body, createdAt: comment.at }).run();
    }
  }
}

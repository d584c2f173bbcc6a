/**
 * The demo's yearly reports (issue 13 §4): 2025 adopted as version 1 with its narrative
 * texts and a few chapters' texts written out, and 2026 in concept with a summary begun.
 * The texts are example texts (the reports are marked `isExample`, the pages say so). Runs
 * after the demo's monitor and money seeds, outside their transaction: the report freezes
 * what those figures say.
 */
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';

import { NOTES_FIELD } from '../../app/models/collab/document-store.server';
import { editLiveDocument } from '../../app/models/collab/live-bridge.server';
import { NOTES_ATTRS, NOTES_NODES } from '../../app/models/meetings/notes/notes-nodes';
import { asActor } from '../../app/models/permissions';
import { yearReportSectionDocumentName, type YearReportSectionKey } from '../../app/models/reports/year-report';
import {
  adoptYearReport,
  createYearReport,
  listChapterSections,
  listYearReportSections,
} from '../../app/models/reports/year-report.server';
import { db as appDb } from '../../app/utils/db.server';
import type { Db } from '../client';
import { users } from '../schema';

type Text = { h?: string; p?: string; bullets?: string[] };

const REPORT_2025: Record<YearReportSectionKey, Text[]> = {
  summary: [
    {
      p: 'Voorbeeldtekst. In 2025 is de nieuwe samenwerkingsagenda 2025–2028 vastgesteld. Het bereik van de doelgroep groeide verder: meer inwoners vonden hun weg naar een Taalhuis of een cursus, vooral in Haarlem en Velsen.',
    },
    {
      p: 'De meeste acties lopen op schema. Twee acties over de aansluiting op werk en inkomen hebben vertraging; de werkgroep stelt voor ze in 2026 af te ronden.',
    },
  ],
  national: [
    {
      p: 'Voorbeeldtekst. Het Rijk heeft de middelen voor de aanpak basisvaardigheden voor de komende jaren bevestigd. Het nieuwe programma Tel mee met Taal vraagt gemeenten om regionale afspraken over bereik en kwaliteit.',
    },
    {
      bullets: [
        'De landelijke monitor (LBV) telt cursusdeelnames, geen personen.',
        'Een wetsvoorstel over de WEB-middelen is in voorbereiding.',
      ],
    },
  ],
  quality: [
    {
      p: 'Voorbeeldtekst. Vijf van de zeven Taalhuizen zijn gecertificeerd. Heemstede en Zandvoort bereiden de certificering voor in 2026.',
    },
  ],
  steering: [
    { h: 'Sturingsvragen aan de wethouders' },
    {
      bullets: [
        'Willen de wethouders de niet-bestede WEB-middelen van 2025 inzetten voor extra non-formeel aanbod in 2026?',
        'Kiezen de gemeenten voor één gezamenlijke aanpak van werkgeversbenadering?',
      ],
    },
  ],
};

/** Free texts under some chapters of the 2025 report (by the chapter's code); the others stay empty, as they may. */
const CHAPTERS_2025: Record<string, Text[]> = {
  '1.3.a': [
    {
      p: 'Voorbeeldtekst. De Taalhuizen in Haarlem en Velsen bereikten meer NT1-ers via huisartsen en schuldhulpverlening. In de kleinere gemeenten blijft het bereik achter; daar begint in 2026 een proef met taalambassadeurs.',
    },
  ],
  '1.3.d': [
    {
      p: 'Voorbeeldtekst. Zes van de zeven gemeenten leverden hun monitorcijfers op tijd aan. De uitkomstcijfers steunen op een kleine steekproef; lees ze als richting, niet als meting.',
    },
  ],
  '3.3.a': [
    {
      bullets: ['Voorbeeldtekst. Vijf Taalhuizen zijn gecertificeerd.', 'Heemstede en Zandvoort volgen in 2026.'],
    },
  ],
};

const REPORT_2026: Partial<Record<YearReportSectionKey, Text[]>> = {
  summary: [{ h: 'Kern' }, { p: 'Voorbeeldtekst. Concept: de werkgroep vult deze samenvatting aan na de monitorcijfers van het najaar.' }],
};

function node(name: string, text: string, attrs: Record<string, unknown> = {}): Y.XmlElement {
  const element = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value as string);
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

function writeTexts(sectionId: number, texts: Text[]) {
  editLiveDocument(yearReportSectionDocumentName(sectionId), (doc) => {
    const fragment = doc.getXmlFragment(NOTES_FIELD);
    if (fragment.length > 0) return;
    fragment.insert(
      0,
      texts.flatMap((text) => {
        if (text.h) return [node(NOTES_NODES.heading, text.h, { [NOTES_ATTRS.level]: 2 })];
        if (text.p) return [node(NOTES_NODES.paragraph, text.p)];
        const list = new Y.XmlElement(NOTES_NODES.bulletList);
        list.insert(
          0,
          (text.bullets ?? []).map((bullet) => {
            const item = new Y.XmlElement(NOTES_NODES.listItem);
            item.insert(0, [node(NOTES_NODES.paragraph, bullet)]);
            return item;
          }),
        );
        return [list];
      }),
    );
  });
}

function writeReport(reportId: number, texts: Partial<Record<YearReportSectionKey, Text[]>>, chapterTexts: Record<string, Text[]> = {}) {
  for (const section of listYearReportSections(reportId)) {
    const sectionTexts = texts[section.key];
    if (sectionTexts) writeTexts(section.id, sectionTexts);
  }
  for (const section of listChapterSections(reportId)) {
    const sectionTexts = chapterTexts[section.chapterCode];
    if (sectionTexts) writeTexts(section.id, sectionTexts);
  }
}

/** The demo's yearly reports; by the werkgroeplid of Haarlem. Call last: the report reads the other demo data. */
export function seedDemoYearReports(db: Db, { today = new Date().toISOString().slice(0, 10) }: { today?: string } = {}) {
  // The report model reads and writes the app's own database (figures, live documents, audit
  // log); a demo seeded into another file (a test's scratch copy) gets no reports.
  if (db !== appDb) return;
  const author = db.select().from(users).where(eq(users.email, 'werkgroep.haarlem@koers.test')).get();
  if (!author) return;
  const actor = asActor(author);
  const report2025 = createYearReport(actor, { year: 2025, today, isExample: true });
  if (report2025.ok) {
    writeReport(report2025.id, REPORT_2025, CHAPTERS_2025);
    adoptYearReport(actor, { reportId: report2025.id, today: '2025-12-31', now: '2026-02-12T15:00:00.000Z' });
  }
  const report2026 = createYearReport(actor, { year: 2026, today, isExample: true });
  if (report2026.ok) writeReport(report2026.id, REPORT_2026);
}

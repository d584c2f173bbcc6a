import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { lazy, Suspense, useEffect, useState } from 'react';

import { NotesHtml } from '../components/meetings/notes/notes-html';
import { presenceColour } from '../components/meetings/notes/presence-colour';
import { t } from '../i18n';
import { reports as reportsText } from '../i18n/nl/reports';
import { readDocumentJson } from '../models/collab/document-json.server';
import { documentAccess } from '../models/collab/document-kinds.server';
import { yearReportSectionDocumentName } from '../models/reports/year-report';
import { findYearReportSection } from '../models/reports/year-report.server';
import notesCss from '../styles/notes.css?url';
import { requireActor } from '../utils/auth.server';
import { requireFound, requireIdParam } from '../utils/http.server';
import { requireYearReport } from '../utils/year-report-guard.server';

// The editor (Tiptap + Yjs) is its own chunk, fetched only after this page hydrates.
const LiveReportSection = lazy(() => import('../components/reports/live-report-section.client'));

const r = reportsText;
const c = r.section;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: notesCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t.common.pageTitle(data ? c.pageTitle(data.name, data.year) : t.common.errors.notFoundTitle) },
];

/** A narrative section (or a chapter's text) of a yearly report, written together live (werkgroep while a concept; everybody else reads along). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, actor } = await requireActor(request);
  const report = requireYearReport(params.year);
  const sectionId = requireIdParam(params.sectionId);
  const section = requireFound(findYearReportSection(report.id, sectionId));
  const documentName = yearReportSectionDocumentName(section.id);
  return {
    year: report.year,
    name: section.key !== null ? r.sectionNames[section.key] : r.chapterText.name(section.chapterCode),
    documentName,
    me: { id: user.id, name: user.name, colour: presenceColour(user.id) },
    mayEdit: documentAccess(actor, documentName) === 'write',
    text: readDocumentJson(documentName),
  };
}

export default function YearReportSectionPage() {
  const data = useLoaderData<typeof loader>();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const stored =
    (data.text.content ?? []).length === 0 ? (
      <p className="muted">{r.narrative.empty}</p>
    ) : (
      <NotesHtml doc={data.text} actions={[]} decisions={[]} />
    );
  return (
    <article className="notes-page">
      <p>
        <Link to={`/jaarrapportages/${data.year}`}>{r.page.title(data.year)}</Link>
      </p>
      <h1>{c.heading(data.name, data.year)}</h1>
      {data.mayEdit ? <p>{c.intro}</p> : <p className="notice">{c.readOnly}</p>}
      <noscript>
        <p className="notice">{c.noScript}</p>
      </noscript>
      {hydrated ? (
        <Suspense
          fallback={
            <>
              <p className="muted">{c.loading}</p>
              {stored}
            </>
          }
        >
          <LiveReportSection documentName={data.documentName} me={data.me} mayEdit={data.mayEdit} fallback={stored} />
        </Suspense>
      ) : (
        stored
      )}
    </article>
  );
}

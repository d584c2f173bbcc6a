import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { lazy, Suspense, useEffect, useState } from 'react';

import { NotesHtml } from '../components/meetings/notes/notes-html';
import { presenceColour } from '../components/meetings/notes/presence-colour';
import { t } from '../i18n';
import { documentAccess } from '../models/collab/document-kinds.server';
import { chapterDocumentName } from '../models/periods/chapter-text';
import { getPeriodChapter, readChapterText, startChapterText } from '../models/periods/chapter-text.server';
import { getPeriodBySlug } from '../models/periods/period.server';
import { periodLabel } from '../models/periods/period-rules';
import notesCss from '../styles/notes.css?url';
import { requireActor } from '../utils/auth.server';
import { requireFound, requireIdParam } from '../utils/http.server';

// The editor (Tiptap + Yjs) is its own chunk, fetched only after this page hydrates.
const LiveChapterText = lazy(() => import('../components/periods/live-chapter-text.client'));

const c = t.periods.chapterText;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: notesCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t.common.pageTitle(data ? c.pageTitle(data.chapterName, data.periodLabel) : t.common.errors.notFoundTitle) },
];

/** A chapter's narrative text, co-written live by the working group (issue 12 §3). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, actor } = await requireActor(request);
  const period = requireFound(getPeriodBySlug(params.slug ?? ''));
  const chapter = requireFound(getPeriodChapter(period.id, requireIdParam(params.themeId)));
  const mayEdit = documentAccess(actor, chapterDocumentName(chapter.id)) === 'write';
  let text = readChapterText(chapter.id);
  // A chapter nobody has written in starts with the agenda's three questions.
  if ((text.content ?? []).length === 0 && mayEdit) {
    startChapterText(chapter.id);
    text = readChapterText(chapter.id);
  }
  return {
    periodSlug: period.slug,
    periodLabel: periodLabel(period),
    chapter,
    chapterName: `${chapter.code} ${chapter.title}`,
    me: { id: user.id, name: user.name, colour: presenceColour(user.id) },
    mayEdit,
    text,
  };
}

export default function ChapterTextPage() {
  const data = useLoaderData<typeof loader>();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const stored =
    (data.text.content ?? []).length === 0 ? <p className="muted">{c.empty}</p> : <NotesHtml doc={data.text} actions={[]} decisions={[]} />;
  return (
    <article className="notes-page">
      <p>
        <Link to={`/periodes/${data.periodSlug}#hoofdstuk-${data.chapter.id}`}>{t.periods.page.title(data.periodLabel)}</Link>
      </p>
      <h1>{c.heading(data.chapterName)}</h1>
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
          <LiveChapterText themeId={data.chapter.id} me={data.me} mayEdit={data.mayEdit} fallback={stored} />
        </Suspense>
      ) : (
        stored
      )}
    </article>
  );
}

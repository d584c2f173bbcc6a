import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { Heatmap } from '../components/charts/heatmap-chart';
import { PeriodSwitch } from '../components/periods/period-switch';
import { t } from '../i18n';
import { accentChapters } from '../i18n/nl/accent-chapters';
import { canEditAccent } from '../models/permissions';
import { getAccentMatrix } from '../models/tracker/accent.server';
import { accentCoverageSpec } from '../models/tracker/accent-coverage';
import accentsCss from '../styles/accents.css?url';
import chartsCss from '../styles/charts.css?url';
import periodsCss from '../styles/periods.css?url';
import { requireActor } from '../utils/auth.server';
import { formatDay } from '../utils/date-time';
import { requireFound, requireIdParam } from '../utils/http.server';
import { requirePeriod } from '../utils/route-guards.server';

const a = t.accents;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: periodsCss },
  { rel: 'stylesheet', href: accentsCss },
  { rel: 'stylesheet', href: chartsCss },
];
export const meta: MetaFunction = () => [{ title: t.common.pageTitle(a.matrixTitle) }];

const EXCERPT = 110;

function excerpt(text: string) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT).trimEnd()}…` : flat;
}

/** The user's own municipality (their organisation, when it is one) first, the others in their order. */
function ownFirst<T>(items: T[], isOwn: (item: T) => boolean) {
  return [...items.filter(isOwn), ...items.filter((item) => !isOwn(item))];
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const { period, periodSwitch } = requirePeriod(request);
  // ?hoofdstuk=<id>: the chapter a long period's matrix shows; an unknown one is a 404.
  const chapterParam = new URL(request.url).searchParams.get('hoofdstuk');
  const matrix = requireFound(getAccentMatrix(period.id, chapterParam === null ? null : requireIdParam(chapterParam)));
  const { municipalities, chapters } = matrix;
  // Seven columns do not fit every screen: the one a municipality's member works in comes first.
  const isOwn = (municipalityId: number) => municipalityId === actor.organisationId;
  // Only what the table shows: an excerpt, a count and a date per cell.
  return {
    periodSwitch,
    oneChapter: matrix.oneChapter ? { goalCount: matrix.goalCount, links: matrix.chapterLinks, shownId: chapters[0]!.id } : null,
    municipalities: ownFirst(
      municipalities.map((m, position) => ({ ...m, position })),
      (m) => isOwn(m.id),
    ).map((m) => ({
      ...m,
      own: isOwn(m.id),
      mayEdit: canEditAccent(actor, m.id, period),
    })),
    chapters: chapters.map((chapter) => ({
      ...chapter,
      goals: chapter.goals.map((goal) => ({
        id: goal.id,
        code: goal.code,
        title: goal.title,
        cells: ownFirst(goal.cells, (cell) => isOwn(cell.municipalityId)).map((cell) => ({
          municipalityId: cell.municipalityId,
          municipalityName: cell.municipalityName,
          excerpt: excerpt(cell.body),
          localActionCount: cell.localActionCount,
          updatedAt: cell.updatedAt,
        })),
      })),
    })),
  };
}

export default function AccentMatrixPage() {
  const { municipalities, chapters, periodSwitch, oneChapter } = useLoaderData<typeof loader>();
  const mayEdit = new Map(municipalities.map((m) => [m.id, m.mayEdit]));
  return (
    <>
      <h1>{a.matrixTitle}</h1>
      <PeriodSwitch {...periodSwitch} />
      <p className="lead">{a.matrixIntro}</p>
      {oneChapter ? <ChapterLinks {...oneChapter} periodSlug={periodSwitch.shown.slug} /> : null}
      <div className="table-wrap" role="region" aria-labelledby="accent-matrix-caption" tabIndex={0}>
        <table className="data accent-matrix">
          <caption id="accent-matrix-caption">{a.matrixCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{a.goalColumn}</th>
              {municipalities.map((m) => (
                <th scope="col" key={m.id} className={m.own ? 'accent-matrix__own' : undefined}>
                  {m.name}
                  {m.own ? <span className="accent-matrix__own-label"> {a.ownMunicipality}</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          {chapters.map((chapter) => (
            <tbody key={chapter.id}>
              <tr className="accent-matrix__chapter">
                <th scope="colgroup" colSpan={municipalities.length + 1}>
                  {chapter.code} {chapter.title}
                </th>
              </tr>
              {chapter.goals.map((goal) => (
                <tr key={goal.id}>
                  <th scope="row">
                    <Link to={`/doelen/${goal.id}`}>
                      <strong>{goal.code}</strong> {goal.title}
                    </Link>
                  </th>
                  {goal.cells.map((cell) => (
                    <td
                      key={cell.municipalityId}
                      data-label={cell.municipalityName}
                      className={cell.excerpt ? 'accent-cell' : 'accent-cell accent-cell--empty'}
                    >
                      <span className="accent-cell__excerpt">{cell.excerpt || a.noAccent}</span>
                      {cell.localActionCount > 0 ? (
                        <span className="accent-cell__meta">{a.localActionsCount(cell.localActionCount)}</span>
                      ) : null}
                      {cell.updatedAt ? (
                        <span className="accent-cell__meta">
                          <time dateTime={cell.updatedAt}>{a.updatedShort(formatDay(cell.updatedAt))}</time>
                        </span>
                      ) : null}
                      <Link to={`/accenten/${goal.id}/${cell.municipalityId}`}>
                        {mayEdit.get(cell.municipalityId) ? a.edit : a.view}
                        <span className="visually-hidden"> — {a.openCell(goal.code, cell.municipalityName)}</span>
                      </Link>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      <AccentCoverage municipalities={municipalities} chapters={chapters} oneChapter={oneChapter !== null} />
    </>
  );
}

type MatrixData = ReturnType<typeof useLoaderData<typeof loader>>;

/** A long period's chapters, one shown at a time: plain links, so they work without JavaScript. */
function ChapterLinks({ goalCount, links, shownId, periodSlug }: NonNullable<MatrixData['oneChapter']> & { periodSlug: string }) {
  return (
    <>
      <p className="notice">{accentChapters.notice(goalCount)}</p>
      <nav aria-label={accentChapters.label} className="accent-chapters">
        <ul>
          {links.map((chapter) => (
            <li key={chapter.id}>
              <Link
                to={`/accenten?periode=${periodSlug}&hoofdstuk=${chapter.id}`}
                aria-current={chapter.id === shownId ? 'page' : undefined}
              >
                {chapter.code} {chapter.title} <span className="accent-chapters__count">({accentChapters.goals(chapter.goalCount)})</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}

/** The matrix summed up: which municipality has an accent on which goal, as a heatmap with its table. */
function AccentCoverage({
  municipalities,
  chapters,
  oneChapter,
}: Pick<MatrixData, 'municipalities' | 'chapters'> & { oneChapter: boolean }) {
  const goals = chapters.flatMap((chapter) =>
    chapter.goals.map((goal) => ({
      id: goal.id,
      code: goal.code,
      title: goal.title,
      cells: goal.cells.map((cell) => ({
        municipalityId: cell.municipalityId,
        hasAccent: cell.excerpt !== '',
        localActionCount: cell.localActionCount,
      })),
    })),
  );
  return (
    <section className="accent-coverage" aria-labelledby="accent-coverage-heading">
      <h2 id="accent-coverage-heading">{a.coverage.heading}</h2>
      {/* The heatmap keeps the usual order: one picture for everybody. */}
      <Heatmap
        {...accentCoverageSpec(
          [...municipalities].sort((x, y) => x.position - y.position),
          goals,
          oneChapter ? `${chapters[0]!.code} ${chapters[0]!.title}` : null,
        )}
      />
    </section>
  );
}

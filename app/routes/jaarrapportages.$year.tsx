import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';

import { CommentSection } from '../components/comments/comment-section';
import { Field, FormErrorSummary } from '../components/forms/field';
import { ReportPartView } from '../components/reports/report-blocks-view';
import { t } from '../i18n';
import { reports as reportsText } from '../i18n/nl/reports';
import { listComments } from '../models/comments/comment.server';
import { canManageYearReports } from '../models/permissions';
import { STEERING_QUESTION_MAX, type YearReportSectionKey } from '../models/reports/year-report';
import {
  draftNewYearReportVersion,
  ensureChapterSections,
  listChapterSections,
  listYearReportSections,
  listYearReportVersions,
  nextBestuurlijkOverleg,
  putSteeringQuestionOnAgenda,
} from '../models/reports/year-report.server';
import { editionLine, yearReportParts } from '../models/reports/year-report-blocks';
import { parseReportVersion, SteeringQuestionSchema } from '../schemas/year-report';
import chartsCss from '../styles/charts.css?url';
import commentsCss from '../styles/comments.css?url';
import reportsCss from '../styles/reports.css?url';
import { requireActor } from '../utils/auth.server';
import { formatDateTime, formatDay } from '../utils/date-time';
import { type FieldErrors, parseForm } from '../utils/forms';
import { badRequest, requireAllowed } from '../utils/http.server';
import { requireYearReport, requireYearReportEdition } from '../utils/year-report-guard.server';

const r = reportsText;
const p = r.page;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: chartsCss },
  { rel: 'stylesheet', href: commentsCss },
  { rel: 'stylesheet', href: reportsCss },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t.common.pageTitle(data ? p.title(data.year) : t.common.errors.notFoundTitle) },
];

/** /jaarrapportages/<jaar>: the concept live (today's figures, the narrative texts) or an adopted version (?versie=). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const { report, now, view } = requireYearReportEdition(request, params.year);
  const query = new URL(request.url).searchParams;
  const mayManage = canManageYearReports(actor);
  const meeting = mayManage ? nextBestuurlijkOverleg(now) : undefined;
  const sections = view.version === null ? listYearReportSections(report.id) : [];
  // A concept's chapter texts: one per chapter the progress part shows (made here for a report drafted before they existed).
  if (view.version === null && report.status === 'concept') ensureChapterSections(report.id, report.year);
  const chapterIds = new Map(view.version === null ? listChapterSections(report.id).map((s) => [s.chapterCode, s.id]) : []);
  const chapterTexts = view.content.progress.chapters.flatMap((c) =>
    chapterIds.has(c.code) ? [{ id: chapterIds.get(c.code)!, code: c.code, title: c.title }] : [],
  );
  return {
    reportId: report.id,
    year: report.year,
    status: report.status,
    actor,
    // Advisers (and everybody but the lezer) comment on the report; the working group answers.
    threads: listComments({ targetType: 'year-report', targetId: report.id }),
    isExample: report.isExample,
    edition: view.edition,
    version: view.version,
    parts: yearReportParts(view.content),
    sectionIds: Object.fromEntries(sections.map((s) => [s.key, s.id])) as Partial<Record<YearReportSectionKey, number>>,
    chapterTexts,
    versions: listYearReportVersions(report.id),
    mayManage,
    nextMeeting: meeting ? { title: meeting.title, startsAt: meeting.startsAt } : null,
    notices: {
      created: query.has('gemaakt'),
      adopted: parseReportVersion(query.get('vastgesteld')) ?? null,
      newVersion: query.has('nieuw'),
      onAgenda: query.has('geagendeerd'),
    },
  };
}

/** "Nieuwe versie opstellen" and "Sturingsvraag agenderen": who runs the agenda; a bad question gets its message beside the field. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const report = requireYearReport(params.year);
  requireAllowed(canManageYearReports(actor));
  const formData = await request.formData();
  const intent = formData.get('intent');
  if (intent === 'nieuwe-versie') {
    const result = draftNewYearReportVersion(actor, { reportId: report.id });
    if (!result.ok)
      return data({ fieldErrors: { _form: result.message } as FieldErrors, values: {} as Record<string, string> }, { status: 400 });
    return redirect(`/jaarrapportages/${report.year}?nieuw=1`);
  }
  if (intent === 'agenderen') {
    const form = parseForm(SteeringQuestionSchema, formData);
    if (!form.ok) return data({ fieldErrors: form.fieldErrors, values: form.values }, { status: 400 });
    const result = putSteeringQuestionOnAgenda(actor, { reportId: report.id, question: form.data.question });
    if (!result.ok)
      return data({ fieldErrors: { question: result.message } as FieldErrors, values: { question: form.data.question } }, { status: 400 });
    return redirect(`/jaarrapportages/${report.year}?geagendeerd=1#sturingsvragen`);
  }
  throw badRequest(r.errors.unknownIntent);
}

export default function YearReportPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: FieldErrors = actionData?.fieldErrors ?? {};
  const submitting = useNavigation().state === 'submitting';
  const base = `/jaarrapportages/${data.year}`;
  const versionQuery = data.version === null ? '' : `?versie=${data.version}`;
  const concept = data.version === null;

  return (
    <article className="report-page">
      <p className="report-print-hide">
        <Link to="/jaarrapportages">{p.back}</Link>
      </p>
      <h1>
        {concept ? r.document.conceptTitle(data.year) : p.title(data.year)}
        {data.isExample ? <span className="report-badge">{r.example}</span> : null}
      </h1>
      {data.notices.created ? (
        <p className="notice notice--success" role="status">
          {r.list.createdNotice}
        </p>
      ) : null}
      {data.notices.adopted ? (
        <p className="notice notice--success" role="status">
          {p.adoptedNotice(data.notices.adopted)}
        </p>
      ) : null}
      {data.notices.newVersion ? (
        <p className="notice notice--success" role="status">
          {p.newVersionNotice}
        </p>
      ) : null}
      {data.notices.onAgenda ? (
        <p className="notice notice--success" role="status">
          {p.agendaNotice}
        </p>
      ) : null}
      <p>
        <strong>{r.edition.label}: </strong>
        {data.edition.concept ? r.edition.concept(formatDateTime(data.edition.madeAt)) : editionLine(data.edition)}
      </p>
      {data.isExample ? <p className="notice">{r.exampleNote}</p> : null}
      <p>{concept ? p.conceptLead : p.adoptedLead}</p>

      <nav aria-labelledby="report-versions" className="report-print-hide">
        <h2 id="report-versions">{p.versions}</h2>
        <ul>
          {data.status === 'concept' ? (
            <li>{concept ? <strong aria-current="page">{p.concept}</strong> : <Link to={base}>{p.concept}</Link>}</li>
          ) : null}
          {data.versions.map((v) => (
            <li key={v.version}>
              {data.version === v.version ? (
                <strong aria-current="page">{p.versionOption(v.version, formatDay(v.adoptedAt))}</strong>
              ) : (
                <Link to={`${base}?versie=${v.version}`}>{p.versionOption(v.version, formatDay(v.adoptedAt))}</Link>
              )}
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="report-downloads" className="report-print-hide">
        <h2 id="report-downloads">{p.downloads}</h2>
        <ul className="button-row">
          <li>
            <a className="button button--secondary" href={`${base}.docx${versionQuery}`} download>
              {p.docx}
            </a>
          </li>
          <li>
            <a className="button button--secondary" href={`${base}.pdf${versionQuery}`} download>
              {p.pdf}
            </a>
          </li>
          <li>
            <Link className="button button--secondary" to={`${base}/afdrukken${versionQuery}`}>
              {p.print}
            </Link>
          </li>
        </ul>
      </section>

      {data.mayManage ? (
        <section aria-labelledby="report-manage" className="report-print-hide card">
          <h2 id="report-manage">{data.status === 'concept' ? p.adopt : p.newVersion}</h2>
          <FormErrorSummary show={errors._form !== undefined} message={errors._form ?? ''} />
          {data.status === 'concept' ? (
            <p>
              <Link className="button" to={`${base}/vaststellen`}>
                {p.adopt}
              </Link>
            </p>
          ) : (
            <Form method="post">
              <p>{p.newVersionLead}</p>
              <button type="submit" className="button button--secondary" name="intent" value="nieuwe-versie" disabled={submitting}>
                {p.newVersion}
              </button>
            </Form>
          )}
        </section>
      ) : null}

      <nav aria-labelledby="report-contents" className="report-toc">
        <h2 id="report-contents">{p.contents}</h2>
        <ol>
          {data.parts.map((part) => (
            <li key={part.id}>
              <a href={`#${part.id}`}>{part.heading}</a>
            </li>
          ))}
        </ol>
      </nav>

      {data.parts.map((part) => {
        const sectionId = part.narrative ? data.sectionIds[part.narrative] : undefined;
        const name = part.narrative ? r.sectionNames[part.narrative] : '';
        const writing = data.mayManage && data.status === 'concept';
        const chapterLinks =
          part.id === 'voortgang' && data.chapterTexts.length > 0 ? (
            <nav aria-labelledby="chapter-texts" className="report-narrative-link report-print-hide">
              <h3 id="chapter-texts">{r.chapterText.linksHeading}</h3>
              <ul>
                {data.chapterTexts.map((c) => (
                  <li key={c.id}>
                    <Link to={`${base}/teksten/${c.id}`}>
                      {writing ? r.chapterText.edit(c.code, c.title) : r.chapterText.read(c.code, c.title)}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null;
        const extra =
          chapterLinks ??
          (sectionId !== undefined ? (
            <p className="report-narrative-link report-print-hide">
              <Link to={`${base}/teksten/${sectionId}`}>{writing ? r.narrative.edit(name) : r.narrative.read(name)}</Link>
            </p>
          ) : null);
        return (
          <div key={part.id}>
            <ReportPartView part={part} extra={extra} />
            {part.id === 'sturingsvragen' && data.mayManage ? (
              <section aria-labelledby="steering-agenda" className="report-print-hide card">
                <h3 id="steering-agenda">{r.steering.heading}</h3>
                {data.nextMeeting ? (
                  <>
                    <p>{r.steering.lead(`${data.nextMeeting.title} (${formatDay(data.nextMeeting.startsAt)})`)}</p>
                    <FormErrorSummary show={errors.question !== undefined} message={t.common.errors.formHasErrors} />
                    <Form method="post" className="form" noValidate>
                      <Field label={r.steering.label} name="question" error={errors.question}>
                        {(control) => (
                          <textarea
                            {...control}
                            rows={3}
                            maxLength={STEERING_QUESTION_MAX}
                            defaultValue={actionData?.values?.question ?? ''}
                            required
                          />
                        )}
                      </Field>
                      <button type="submit" className="button button--secondary" name="intent" value="agenderen" disabled={submitting}>
                        {r.steering.submit}
                      </button>
                    </Form>
                  </>
                ) : (
                  <p>{r.steering.noMeeting}</p>
                )}
              </section>
            ) : null}
          </div>
        );
      })}

      <div className="report-print-hide">
        <CommentSection
          target={{ type: 'year-report', id: data.reportId }}
          threads={data.threads}
          actor={data.actor}
          mayEditTarget={data.mayManage}
          heading={r.page.commentsHeading}
        />
      </div>
    </article>
  );
}

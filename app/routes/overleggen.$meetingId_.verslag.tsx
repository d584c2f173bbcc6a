import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';

import { CommentSection } from '../components/comments/comment-section';
import { ConfirmCheckbox } from '../components/forms/confirm-checkbox';
import { FormErrorSummary } from '../components/forms/field';
import { SubmissionKeyField } from '../components/forms/submission-key';
import { MeetingBreadcrumbs } from '../components/meetings/meeting-breadcrumbs';
import { MinutesDocument } from '../components/meetings/minutes-document';
import { t } from '../i18n';
import { listComments } from '../models/comments/comment.server';
import {
  getMinutesMeeting,
  getMinutesVersion,
  listMinutesVersions,
  publishMinutes,
  readConceptMinutes,
} from '../models/meetings/minutes.server';
import { minutesTitle } from '../models/meetings/minutes-content';
import { canEditMeetings } from '../models/permissions';
import { createOnce, submissionKeyOf } from '../models/submissions.server';
import { parseVersionQuery, PublishMinutesSchema } from '../schemas/minutes';
import commentsCss from '../styles/comments.css?url';
import minutesCss from '../styles/minutes.css?url';
import { useActionResult } from '../utils/action-result';
import { requireActor } from '../utils/auth.server';
import { formatDateTime } from '../utils/date-time';
import { type FieldErrors, parseForm } from '../utils/forms';
import { badRequest, notFound, requireAllowed, requireFound, requireIdParam } from '../utils/http.server';

const m = t.minutes;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: minutesCss },
  { rel: 'stylesheet', href: commentsCss },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t.common.pageTitle(data ? data.heading : t.common.errors.notFoundTitle) },
];

/** ?niet-vastgesteld=docx: a download of minutes that are not adopted yet was asked for. */
function notAdoptedKind(query: URLSearchParams): 'docx' | 'pdf' | null {
  const kind = query.get('niet-vastgesteld');
  return kind === 'docx' || kind === 'pdf' ? kind : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const meetingId = requireIdParam(params.meetingId);
  const meeting = requireFound(getMinutesMeeting(meetingId));
  const searchParams = new URL(request.url).searchParams;
  const requested = parseVersionQuery(searchParams.get('versie'));
  if (requested === undefined) throw notFound();
  const minutes = getMinutesVersion({ meetingId, version: requested });
  if (requested !== null && !minutes) throw notFound();
  const versions = listMinutesVersions({ meetingId });
  const published = parseVersionQuery(searchParams.get('vastgesteld'));
  // Before anything is adopted: the concept, as publishing would freeze it now (the preview).
  const concept = minutes ? null : readConceptMinutes(meetingId)!;
  const shown = minutes ? minutes.doc.attrs.meeting : meeting;
  return {
    meetingId,
    // The title as published; the live title only while nothing is.
    title: shown.title,
    heading: minutesTitle(shown),
    minutes,
    concept: concept?.started ? { doc: concept.doc, readAt: concept.readAt, empty: concept.empty } : null,
    notStarted: concept ? !concept.started : false,
    notAdopted: versions.length === 0 ? notAdoptedKind(searchParams) : null,
    actor,
    threads: concept?.started ? listComments({ targetType: 'meeting', targetId: meetingId }) : [],
    latestVersion: versions[0]?.version ?? null,
    versions,
    justPublished: published && published === versions[0]?.version ? published : null,
    mayPublish: canEditMeetings(actor),
  };
}

/** "Verslag vaststellen": freezes the notes as the next version (editors only; confirmed by a checkbox). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request);
  const meetingId = requireIdParam(params.meetingId);
  requireFound(getMinutesMeeting(meetingId));
  requireAllowed(canEditMeetings(actor));
  const formData = await request.formData();
  if (formData.get('intent') !== 'publish') throw badRequest();
  const form = parseForm(PublishMinutesSchema, formData);
  if (!form.ok) return data({ fieldErrors: form.fieldErrors }, { status: 400 });
  // A double click on "Verslag vaststellen" freezes one version, not two.
  const result = createOnce({ userId: user.id, key: submissionKeyOf(formData), scope: `minutes:${meetingId}` }, () =>
    publishMinutes({ meetingId, userId: user.id }),
  );
  if (!result.ok) {
    if (result.error === 'notFound') throw notFound();
    const message = result.error === 'notStarted' ? m.errors.notStarted : m.errors.emptyNotes;
    return data({ fieldErrors: { _form: message } as FieldErrors }, { status: 400 });
  }
  return redirect(`/overleggen/${meetingId}/verslag?vastgesteld=${result.version}`);
}

export default function MinutesPage() {
  const {
    meetingId,
    title,
    heading,
    minutes,
    concept,
    notStarted,
    notAdopted,
    actor,
    threads,
    latestVersion,
    versions,
    justPublished,
    mayPublish,
  } = useLoaderData<typeof loader>();
  const base = `/overleggen/${meetingId}/verslag`;
  const versionQuery = minutes && minutes.version !== latestVersion ? `?versie=${minutes.version}` : '';
  return (
    <article className="minutes-page">
      <MeetingBreadcrumbs meeting={{ id: meetingId, title }} current={m.current} />
      <h1>{heading}</h1>

      {notAdopted ? (
        <p className="notice notice--warning" role="alert">
          {notStarted ? m.notAdoptedDownloadBeforeStart(m.downloadKinds[notAdopted]) : m.notAdoptedDownload(m.downloadKinds[notAdopted])}
        </p>
      ) : null}

      {justPublished ? (
        <p className="notice notice--success" role="status">
          {m.publishedNotice(justPublished)}
        </p>
      ) : null}

      {minutes ? (
        <>
          {minutes.version !== latestVersion && latestVersion !== null ? (
            <p className="notice minutes-older">
              {m.olderVersionNotice(latestVersion)} <Link to={base}>{m.toLatest}</Link>
            </p>
          ) : null}
          <MinutesDocument doc={minutes.doc} published={minutes} />

          <section aria-labelledby="minutes-downloads" className="minutes-downloads">
            <h2 id="minutes-downloads">{m.downloads.heading}</h2>
            <ul className="button-row minutes-downloads__list">
              <li>
                <a className="button button--secondary" href={`${base}.docx${versionQuery}`} download>
                  {m.downloads.docx}
                </a>
              </li>
              <li>
                <a className="button button--secondary" href={`${base}.pdf${versionQuery}`} download>
                  {m.downloads.pdf}
                </a>
              </li>
            </ul>
          </section>

          <VersionTable base={base} versions={versions} current={minutes.version} />
        </>
      ) : concept ? (
        <section aria-labelledby="minutes-concept" className="minutes-concept">
          <h2 id="minutes-concept">{m.concept.heading}</h2>
          <p className="notice">{m.concept.notice}</p>
          <MinutesDocument doc={concept.doc} published={{ concept: true, readAt: concept.readAt }} />
          <section aria-labelledby="minutes-downloads" className="minutes-downloads">
            <h2 id="minutes-downloads">{m.concept.downloadsHeading}</h2>
            <ul className="button-row minutes-downloads__list">
              <li>
                <a className="button button--secondary" href={`${base}.docx?concept=1`} download>
                  {m.concept.docx}
                </a>
              </li>
              <li>
                <a className="button button--secondary" href={`${base}.pdf?concept=1`} download>
                  {m.concept.pdf}
                </a>
              </li>
            </ul>
          </section>
        </section>
      ) : (
        <p className="notice">{notStarted ? m.notStarted : m.notPublished}</p>
      )}

      {/* Keyed by the latest version: after publishing (a client-side redirect back to this
          page) React would otherwise keep the ticked confirmation, and one more click would
          publish the next version without a deliberate confirmation. Not before the meeting
          has begun: there is nothing to adopt yet (the server refuses it too). */}
      {mayPublish && !notStarted ? <PublishForm key={latestVersion ?? 0} again={minutes !== undefined} /> : null}

      {concept ? (
        <CommentSection
          target={{ type: 'meeting', id: meetingId }}
          threads={threads}
          actor={actor}
          mayEditTarget={mayPublish}
          heading={m.concept.commentsHeading}
        />
      ) : null}
    </article>
  );
}

function VersionTable({
  base,
  versions,
  current,
}: {
  base: string;
  versions: { version: number; publishedAt: string; publishedByName: string | null }[];
  current: number;
}) {
  return (
    <section aria-labelledby="minutes-versions" className="minutes-versions">
      <h2 id="minutes-versions">{m.versions.heading}</h2>
      <table className="data">
        <caption className="visually-hidden">{m.versions.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.versions.version}</th>
            <th scope="col">{m.versions.publishedAt}</th>
            <th scope="col">{m.versions.publishedBy}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version} aria-current={v.version === current ? 'true' : undefined}>
              <th scope="row">
                {v.version === current ? (
                  <>
                    {m.versionLabel(v.version)} <span className="muted">({m.versions.current})</span>
                  </>
                ) : (
                  <Link to={`${base}?versie=${v.version}`} aria-label={m.versions.read(v.version)}>
                    {m.versionLabel(v.version)}
                  </Link>
                )}
              </th>
              <td>{formatDateTime(v.publishedAt)}</td>
              <td>{v.publishedByName ?? <span className="muted">{m.versions.unknownUser}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function PublishForm({ again }: { again: boolean }) {
  const actionData = useActionResult<typeof action>();
  const errors: FieldErrors = actionData?.fieldErrors ?? {};
  const submitting = useNavigation().state === 'submitting';
  return (
    <section aria-labelledby="minutes-publish" className="minutes-publish card">
      <h2 id="minutes-publish">{again ? m.publish.headingAgain : m.publish.heading}</h2>
      <p>{again ? m.publish.introAgain : m.notPublishedEditor}</p>
      {again ? null : (
        <p>
          {m.publish.intro} {m.publish.previewNote}
        </p>
      )}
      <FormErrorSummary show={errors.confirm !== undefined} message={t.common.errors.formHasErrors} />
      {errors._form ? (
        <p className="form-error" role="alert">
          {errors._form}
        </p>
      ) : null}
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="intent" value="publish" />
        <SubmissionKeyField />
        <ConfirmCheckbox id="minutes-confirm" name="confirm" label={m.publish.confirm} error={errors.confirm} className="minutes-confirm" />
        <div className="button-row">
          <button type="submit" className="button" disabled={submitting}>
            {m.publish.submit}
          </button>
        </div>
      </Form>
    </section>
  );
}

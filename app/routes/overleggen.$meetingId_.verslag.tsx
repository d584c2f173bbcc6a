import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';

import { ConfirmCheckbox } from '../components/forms/confirm-checkbox';
import { FormErrorSummary } from '../components/forms/field';
import { MeetingBreadcrumbs } from '../components/meetings/meeting-breadcrumbs';
import { MinutesDocument } from '../components/meetings/minutes-document';
import { t } from '../i18n';
import { getMinutesMeeting, getMinutesVersion, listMinutesVersions, publishMinutes } from '../models/meetings/minutes.server';
import { canEditMeetings } from '../models/permissions';
import { parseVersionQuery, PublishMinutesSchema } from '../schemas/minutes';
import minutesCss from '../styles/minutes.css?url';
import { requireActor } from '../utils/auth.server';
import { formatDateTime } from '../utils/date-time';
import { type FieldErrors, parseForm } from '../utils/forms';
import { badRequest, notFound, requireAllowed, requireFound, requireIdParam } from '../utils/http.server';

const m = t.minutes;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: minutesCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t.common.pageTitle(data ? m.pageTitle(data.title) : t.common.errors.notFoundTitle) },
];

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
  return {
    meetingId,
    // The title as published; the live title only while nothing is.
    title: minutes ? minutes.doc.attrs.meeting.title : meeting.title,
    minutes,
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
  const result = publishMinutes({ meetingId, userId: user.id });
  if (!result.ok) {
    if (result.error === 'notFound') throw notFound();
    return data({ fieldErrors: { _form: m.errors.emptyNotes } as FieldErrors }, { status: 400 });
  }
  return redirect(`/overleggen/${meetingId}/verslag?vastgesteld=${result.version}`);
}

export default function MinutesPage() {
  const { meetingId, title, minutes, latestVersion, versions, justPublished, mayPublish } = useLoaderData<typeof loader>();
  const base = `/overleggen/${meetingId}/verslag`;
  const versionQuery = minutes && minutes.version !== latestVersion ? `?versie=${minutes.version}` : '';
  return (
    <article className="minutes-page">
      <MeetingBreadcrumbs meeting={{ id: meetingId, title }} current={m.current} />
      <h1>{m.heading(title)}</h1>

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
      ) : (
        <p className="notice">{m.notPublished}</p>
      )}

      {/* Keyed by the latest version: after publishing (a client-side redirect back to this
          page) React would otherwise keep the ticked confirmation, and one more click would
          publish the next version without a deliberate confirmation. */}
      {mayPublish ? <PublishForm key={latestVersion ?? 0} again={minutes !== undefined} /> : null}
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
  const actionData = useActionData<typeof action>();
  const errors: FieldErrors = actionData?.fieldErrors ?? {};
  const submitting = useNavigation().state === 'submitting';
  return (
    <section aria-labelledby="minutes-publish" className="minutes-publish card">
      <h2 id="minutes-publish">{again ? m.publish.headingAgain : m.publish.heading}</h2>
      <p>{again ? m.publish.introAgain : m.notPublishedEditor}</p>
      {again ? null : <p>{m.publish.intro}</p>}
      <FormErrorSummary show={errors.confirm !== undefined} message={t.common.errors.formHasErrors} />
      {errors._form ? (
        <p className="form-error" role="alert">
          {errors._form}
        </p>
      ) : null}
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="intent" value="publish" />
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

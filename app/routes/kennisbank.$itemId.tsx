import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { CommentSection } from '../components/comments/comment-section';
import { Breadcrumbs } from '../components/layout/breadcrumbs';
import { LibraryKindBadge } from '../components/library/library-bits';
import { LibraryMarkdown } from '../components/library/library-markdown';
import { FollowButton } from '../components/notifications/follow-button';
import { t } from '../i18n';
import { listComments } from '../models/comments/comment.server';
import { getLibraryItem } from '../models/library/library.server';
import { safeUrl } from '../models/library/library-rules';
import { isFollowing } from '../models/notifications/follow.server';
import { canEditLibraryItem } from '../models/permissions';
import commentsCss from '../styles/comments.css?url';
import libraryCss from '../styles/library.css?url';
import { requireActor } from '../utils/auth.server';
import { formatDateTime, formatDay } from '../utils/date-time';
import { requireFound, requireIdParam } from '../utils/http.server';

const l = t.library;
const p = l.page;

/** ?toegevoegd / ?opgeslagen: the notice after creating or editing, as on the meeting page. */
const NOTICES = { toegevoegd: p.created, opgeslagen: p.saved } as const;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: libraryCss },
  { rel: 'stylesheet', href: commentsCss },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t.common.pageTitle(data ? data.item.title : t.common.errors.notFoundTitle, l.title) },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const id = requireIdParam(params.itemId);
  const item = requireFound(getLibraryItem(id));
  const query = new URL(request.url).searchParams;
  const notice = (Object.keys(NOTICES) as (keyof typeof NOTICES)[]).find((key) => query.has(key));
  return {
    actor,
    item,
    notice: notice ? NOTICES[notice] : null,
    threads: listComments({ targetType: 'library', targetId: id }),
    mayEdit: canEditLibraryItem(actor, item),
    following: isFollowing({ userId: actor.id, targetType: 'library', targetId: id }),
  };
}

export default function LibraryItemPage() {
  const { actor, item, notice, threads, mayEdit, following } = useLoaderData<typeof loader>();
  const { goals, actions, meetings } = item.links;
  const none = <span className="muted">{p.none}</span>;
  return (
    <article className="library-item-page">
      <Breadcrumbs label={l.breadcrumbsLabel} trail={[{ to: '/kennisbank', label: l.title }]} current={item.title} />
      <p className="library-item__kind">
        <LibraryKindBadge kind={item.kind} />
      </p>
      <h1>{item.title}</h1>
      {notice ? (
        <p className="notice notice--success" role="status">
          {notice}
        </p>
      ) : null}
      <FollowButton target={{ type: 'library', id: item.id }} following={following} />
      {item.summary ? <p className="lead library-item-page__summary">{item.summary}</p> : null}
      {mayEdit ? (
        <p>
          <Link to={`/kennisbank/${item.id}/bewerken`} className="button button--secondary button--small">
            {p.edit}
          </Link>
        </p>
      ) : null}

      {item.kind === 'link' && item.url ? (
        <p className="library-item-page__url">
          <strong>{p.address}:</strong>{' '}
          {/* Checked when saved; checked again here so no other write path can smuggle in a script address. */}
          {safeUrl(item.url) ? (
            <a href={safeUrl(item.url)!} rel="noopener noreferrer nofollow">
              {item.url}
            </a>
          ) : (
            item.url
          )}
        </p>
      ) : null}

      {item.kind === 'contact' ? (
        <dl className="meta-list library-contact">
          <dt>{p.contactName}</dt>
          <dd>{item.contactName ?? none}</dd>
          <dt>{p.contactOrganisation}</dt>
          <dd>{item.contactOrganisation ?? none}</dd>
          <dt>{p.contactEmail}</dt>
          <dd>{item.contactEmail ? <a href={`mailto:${item.contactEmail}`}>{item.contactEmail}</a> : none}</dd>
          <dt>{p.contactPhone}</dt>
          <dd>{item.contactPhone ? <a href={`tel:${item.contactPhone.replace(/[^+0-9]/g, '')}`}>{item.contactPhone}</a> : none}</dd>
        </dl>
      ) : null}

      {item.kind === 'voorbeeld' && item.body ? <LibraryMarkdown text={item.body} /> : null}

      {item.kind === 'document' ? (
        <section aria-labelledby="bestanden-titel">
          <h2 id="bestanden-titel">{p.filesHeading}</h2>
          {item.files.length === 0 ? (
            <p className="muted">{p.noFiles}</p>
          ) : (
            <div className="table-wrap">
              <table className="data library-files">
                <caption>{p.filesCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{p.version}</th>
                    <th scope="col">{p.fileName}</th>
                    <th scope="col">{p.fileType}</th>
                    <th scope="col">{p.fileSize}</th>
                    <th scope="col">{p.uploaded}</th>
                  </tr>
                </thead>
                <tbody>
                  {item.files.map((file, i) => (
                    <tr key={file.id}>
                      <th scope="row">
                        {file.version}
                        {i === 0 ? <span className="muted"> ({p.current})</span> : null}
                      </th>
                      <td>
                        <a
                          href={`/kennisbank/${item.id}/bestand/${file.id}`}
                          download={file.originalName}
                          aria-label={p.download(file.originalName, file.version)}
                        >
                          {file.originalName}
                        </a>
                      </td>
                      <td>{l.fileTypes[file.mimeType] ?? file.mimeType}</td>
                      <td>{l.size(file.size)}</td>
                      <td>
                        <time dateTime={file.uploadedAt}>{formatDateTime(file.uploadedAt)}</time>
                        {file.uploadedByName ? `, ${file.uploadedByName}` : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}

      <dl className="meta-list library-meta">
        <dt>{p.kind}</dt>
        <dd>{l.kinds[item.kind]}</dd>
        <dt>{p.theme}</dt>
        <dd>
          {item.themeId !== null ? (
            <Link to={`/kennisbank?thema=${item.themeId}`}>
              {item.themeCode} {item.themeTitle}
            </Link>
          ) : (
            none
          )}
        </dd>
        <dt>{p.targetGroups}</dt>
        <dd>
          {item.targetGroups.length > 0
            ? item.targetGroups.map((group, i) => (
                <span key={group}>
                  {i > 0 ? ', ' : ''}
                  <Link to={`/kennisbank?doelgroep=${group}`}>{l.targetGroups[group]}</Link>
                </span>
              ))
            : none}
        </dd>
        <dt>{p.municipality}</dt>
        <dd>
          {item.municipalityId !== null ? <Link to={`/kennisbank?gemeente=${item.municipalityId}`}>{item.municipalityName}</Link> : none}
        </dd>
        <dt>{p.addedBy}</dt>
        <dd>
          {item.createdByName}, <time dateTime={item.createdAt}>{formatDay(item.createdAt)}</time>
        </dd>
        <dt>{p.updated}</dt>
        <dd>
          <time dateTime={item.updatedAt}>{formatDateTime(item.updatedAt)}</time>
        </dd>
      </dl>

      <section aria-labelledby="gekoppeld-titel">
        <h2 id="gekoppeld-titel">{p.linksHeading}</h2>
        {goals.length + actions.length + meetings.length === 0 ? <p className="muted">{p.noLinks}</p> : null}
        {goals.length > 0 ? (
          <>
            <h3>{p.goals}</h3>
            <ul>
              {goals.map((goal) => (
                <li key={goal.id}>
                  <Link to={`/doelen/${goal.id}`}>
                    {goal.code} {goal.title}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {actions.length > 0 ? (
          <>
            <h3>{p.actions}</h3>
            <ul>
              {actions.map((action) => (
                <li key={action.id}>
                  <Link to={`/acties/${action.id}`}>
                    {action.code ? `${action.code} ` : ''}
                    {action.title}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {meetings.length > 0 ? (
          <>
            <h3>{p.meetings}</h3>
            <ul>
              {meetings.map((meeting) => (
                <li key={meeting.id}>
                  <Link to={`/overleggen/${meeting.id}`}>{meeting.title}</Link>{' '}
                  <span className="muted">({formatDateTime(meeting.startsAt)})</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <CommentSection target={{ type: 'library', id: item.id }} threads={threads} actor={actor} mayEditTarget={mayEdit} />
    </article>
  );
}

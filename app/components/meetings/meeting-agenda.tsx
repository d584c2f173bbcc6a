import { Form, Link, useFetcher } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';

import { t } from '../../i18n';
import type { ActionField } from '../../models/meetings/action-choice';
import { agendaTime, moveTo } from '../../models/meetings/agenda-order';
import { meetingName } from '../../models/meetings/meeting-time';
import type { ActionStatus } from '../../models/tracker/action-status';
import { TEXT_LIMITS } from '../../schemas/limits';
import type { AgendaPointValues } from '../../schemas/meeting';
import type { FieldErrors } from '../../utils/forms';
import { shorten } from '../../utils/text';
import { useHydrated } from '../../utils/use-hydrated';
import { Field, FormErrorSummary } from '../forms/field';
import { SubmissionKeyField } from '../forms/submission-key';
import { StatusBadge } from '../tracker/action-bits';
import { ActionChoiceField } from './action-choice-field';

const a = t.meetings.agenda;

export type AgendaPointView = {
  id: number;
  title: string;
  durationMinutes: number | null;
  presenter: string;
  status: 'open' | 'afgerond';
  goalId: number | null;
  goalCode: string | null;
  goalTitle: string | null;
  actionId: number | null;
  actionTitle: string | null;
  actionStatus: ActionStatus | null;
  carriedFromMeetingId: number | null;
  minutesOfMeetingId: number | null;
  minutesMeetingTitle: string | null;
  minutesMeetingStartsAt: string | null;
  minutesMeetingStatus: string | null;
};

export type AgendaPointChoices = {
  goals: { id: number; code: string; title: string }[];
  /** The action is typed or picked in a search field (ActionChoiceField), not chosen from a menu of every action. */
  action: ActionField;
};

const TITLE_MAX = 90;

/** What the meeting page's action answers a change made in place (inPlace=1). */
type InPlaceAnswer = { ok: boolean; fieldErrors?: Partial<Record<string, string>> };

/** One small POST form around one button: works without JavaScript, one tab stop. */
function PointButton({
  intent,
  pointId,
  fields = {},
  label,
  children,
}: {
  intent: string;
  pointId: number;
  fields?: Record<string, string>;
  label: string;
  children: string;
}) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="pointId" value={String(pointId)} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="button button--secondary button--small" aria-label={label}>
        {children}
      </button>
    </Form>
  );
}

/** The planned time against the meeting's length, with a warning when the agenda does not fit. */
function AgendaTime({ points, meetingMinutes }: { points: AgendaPointView[]; meetingMinutes: number }) {
  const { planned, over } = agendaTime(points, meetingMinutes);
  if (planned === 0) return null;
  return (
    <div role="status" className="agenda-time">
      <p className="muted">{a.plannedOf(planned, meetingMinutes)}</p>
      {over > 0 ? <p className="notice notice--warning">{a.overTime(over, meetingMinutes)}</p> : null}
    </div>
  );
}

/** The planned minutes of one point, saved in place (with JavaScript) or by a plain POST. */
function DurationForm({ point, inPlace }: { point: AgendaPointView; inPlace: boolean }) {
  const fetcher = useFetcher<InPlaceAnswer>();
  const error = fetcher.data?.fieldErrors?.duration;
  const id = `duur-${point.id}`;
  return (
    <fetcher.Form method="post" className="agenda-duration">
      <input type="hidden" name="intent" value="pointDuration" />
      <input type="hidden" name="pointId" value={String(point.id)} />
      {inPlace ? <input type="hidden" name="inPlace" value="1" /> : null}
      <input
        id={id}
        type="number"
        name="duration"
        min={1}
        max={480}
        inputMode="numeric"
        className="agenda-duration__input"
        defaultValue={point.durationMinutes ?? ''}
        aria-label={a.durationOf(point.title)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-fout` : undefined}
      />{' '}
      <button type="submit" className="button button--secondary button--small" aria-label={a.saveDurationOf(point.title)}>
        {a.saveDuration}
      </button>
      {error ? (
        <span id={`${id}-fout`} className="field-error">
          {error}
        </span>
      ) : null}
    </fetcher.Form>
  );
}

/**
 * The agenda in order, with (for editors) the planned minutes, drag and drop, move, edit,
 * done and remove controls per point. With JavaScript a move is one request in place
 * (shown at once, no page load): by dragging a row's handle, or with Omhoog/Omlaag, after
 * which the focus stays on the moved point's button and the new place is announced.
 */
export function AgendaTable({
  meetingId,
  points,
  mayEdit,
  meetingMinutes,
}: {
  meetingId: number;
  points: AgendaPointView[];
  mayEdit: boolean;
  meetingMinutes: number;
}) {
  const hydrated = useHydrated();
  const mover = useFetcher<InPlaceAnswer>();
  const serverOrder = points.map((p) => p.id).join(',');
  const [order, setOrder] = useState(() => points.map((p) => p.id));
  const [dragged, setDragged] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const refocus = useRef<string | null>(null);
  // The server's order wins once it answers (another editor may have moved points too).
  useEffect(() => setOrder(serverOrder ? serverOrder.split(',').map(Number) : []), [serverOrder]);
  useEffect(() => {
    if (!refocus.current) return;
    const [id, direction] = refocus.current.split(':');
    const other = direction === 'up' ? 'down' : 'up';
    (document.getElementById(`verplaats-${id}-${direction}`) ?? document.getElementById(`verplaats-${id}-${other}`))?.focus();
    refocus.current = null;
  }, [order]);

  const byId = new Map(points.map((p) => [p.id, p]));
  const shown = order.map((id) => byId.get(id)).filter((p): p is AgendaPointView => p !== undefined);

  function place(point: AgendaPointView, index: number, direction?: 'up' | 'down') {
    const next = moveTo(order, point.id, index);
    setOrder(next);
    if (direction) refocus.current = `${point.id}:${direction}`;
    setAnnouncement(a.moved(point.title, next.indexOf(point.id) + 1, next.length));
    void mover.submit({ intent: 'placePoint', pointId: String(point.id), index: String(index), inPlace: '1' }, { method: 'post' });
  }

  const moveError = mover.data && !mover.data.ok ? Object.values(mover.data.fieldErrors ?? {})[0] : null;
  return (
    <>
      {mayEdit ? <p className="muted">{a.reorderHint}</p> : null}
      {moveError ? (
        <p className="form-error" role="alert">
          {moveError}
        </p>
      ) : null}
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
      <div className="table-wrap">
        <table className="data agenda-table">
          <caption>{a.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{a.number}</th>
              <th scope="col">{a.point}</th>
              <th scope="col">{a.duration}</th>
              <th scope="col">{a.presenter}</th>
              <th scope="col">{a.links}</th>
              <th scope="col">{a.status}</th>
              {mayEdit ? <th scope="col">{a.controls}</th> : null}
            </tr>
          </thead>
          <tbody>
            {shown.map((p, i) => (
              <tr
                key={p.id}
                id={`agendapunt-${p.id}`}
                className={`agenda-point--${p.status}${dragged === p.id ? ' agenda-point--dragged' : ''}`}
                draggable={mayEdit && hydrated ? true : undefined}
                onDragStart={
                  mayEdit
                    ? (event) => {
                        setDragged(p.id);
                        event.dataTransfer.effectAllowed = 'move';
                        event.dataTransfer.setData('text/plain', String(p.id));
                      }
                    : undefined
                }
                onDragOver={
                  mayEdit && dragged !== null
                    ? (event) => {
                        event.preventDefault();
                        event.dataTransfer.dropEffect = 'move';
                      }
                    : undefined
                }
                onDrop={
                  mayEdit && dragged !== null
                    ? (event) => {
                        event.preventDefault();
                        const point = byId.get(dragged);
                        setDragged(null);
                        if (point && point.id !== p.id) place(point, i);
                      }
                    : undefined
                }
                onDragEnd={mayEdit ? () => setDragged(null) : undefined}
              >
                <td>
                  {mayEdit && hydrated ? (
                    <span className="agenda-table__handle" aria-hidden="true" title={a.dragHandle(p.title)}>
                      ⠿
                    </span>
                  ) : null}
                  {i + 1}.
                </td>
                <th scope="row">
                  <span className="agenda-point__title">{p.title}</span>
                  {p.carriedFromMeetingId !== null ? (
                    <>
                      {' '}
                      <Link to={`/overleggen/${p.carriedFromMeetingId}`} className="muted">
                        ({a.carried})
                      </Link>
                    </>
                  ) : null}
                </th>
                <td data-label={a.duration}>
                  {mayEdit ? (
                    <DurationForm point={p} inPlace={hydrated} />
                  ) : p.durationMinutes !== null ? (
                    t.meetings.minutes(p.durationMinutes)
                  ) : (
                    ''
                  )}
                </td>
                <td data-label={a.presenter}>{p.presenter}</td>
                <td className="agenda-table__links" data-label={a.links}>
                  <ul>
                    {p.minutesOfMeetingId !== null && p.minutesMeetingTitle && p.minutesMeetingStartsAt ? (
                      <li>
                        <Link to={`/overleggen/${p.minutesOfMeetingId}/verslag`}>
                          {p.minutesMeetingStatus === 'vastgesteld'
                            ? a.minutesAdopted(meetingName({ title: p.minutesMeetingTitle, startsAt: p.minutesMeetingStartsAt }))
                            : a.minutesConcept(meetingName({ title: p.minutesMeetingTitle, startsAt: p.minutesMeetingStartsAt }))}
                        </Link>
                      </li>
                    ) : null}
                    {p.goalId !== null && p.goalCode ? (
                      <li>
                        <Link to={`/doelen/${p.goalId}`} title={p.goalTitle ?? undefined}>
                          {a.goal(p.goalCode)}
                        </Link>
                      </li>
                    ) : null}
                    {p.actionId !== null && p.actionTitle ? (
                      <li>
                        <Link to={`/acties/${p.actionId}`}>{shorten(p.actionTitle, 60)}</Link>{' '}
                        {p.actionStatus ? <StatusBadge status={p.actionStatus} /> : null}
                      </li>
                    ) : null}
                  </ul>
                </td>
                <td data-label={a.status}>{a.statuses[p.status]}</td>
                {mayEdit ? (
                  <td className="agenda-table__controls">
                    {hydrated ? (
                      <>
                        {i > 0 ? (
                          <button
                            type="button"
                            id={`verplaats-${p.id}-up`}
                            className="button button--secondary button--small"
                            aria-label={a.moveUp(p.title)}
                            onClick={() => place(p, i - 1, 'up')}
                          >
                            {a.up}
                          </button>
                        ) : null}
                        {i < shown.length - 1 ? (
                          <button
                            type="button"
                            id={`verplaats-${p.id}-down`}
                            className="button button--secondary button--small"
                            aria-label={a.moveDown(p.title)}
                            onClick={() => place(p, i + 1, 'down')}
                          >
                            {a.down}
                          </button>
                        ) : null}
                      </>
                    ) : (
                      <>
                        {i > 0 ? (
                          <PointButton intent="movePoint" pointId={p.id} fields={{ direction: 'up' }} label={a.moveUp(p.title)}>
                            {a.up}
                          </PointButton>
                        ) : null}
                        {i < shown.length - 1 ? (
                          <PointButton intent="movePoint" pointId={p.id} fields={{ direction: 'down' }} label={a.moveDown(p.title)}>
                            {a.down}
                          </PointButton>
                        ) : null}
                      </>
                    )}
                    <Link
                      to={`/overleggen/${meetingId}/agendapunten/${p.id}`}
                      className="button button--secondary button--small"
                      aria-label={a.edit(p.title)}
                    >
                      {a.editShort}
                    </Link>{' '}
                    {p.status === 'open' ? (
                      <PointButton intent="pointStatus" pointId={p.id} fields={{ status: 'afgerond' }} label={a.markDone(p.title)}>
                        {a.doneShort}
                      </PointButton>
                    ) : (
                      <PointButton intent="pointStatus" pointId={p.id} fields={{ status: 'open' }} label={a.reopen(p.title)}>
                        {a.reopenShort}
                      </PointButton>
                    )}
                    <PointButton intent="removePoint" pointId={p.id} label={a.remove(p.title)}>
                      {a.removeShort}
                    </PointButton>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <AgendaTime points={points} meetingMinutes={meetingMinutes} />
    </>
  );
}

/** The fields of an agenda point, shared by "Agendapunt toevoegen" and its edit page. */
export function AgendaPointFields({
  meetingId,
  values,
  errors,
  choices,
}: {
  meetingId: number;
  values: AgendaPointValues;
  errors: FieldErrors;
  choices: AgendaPointChoices;
}) {
  return (
    <>
      <Field label={a.title} name="title" error={errors.title}>
        {(p) => <input {...p} type="text" defaultValue={values.title ?? ''} required maxLength={TEXT_LIMITS.title} />}
      </Field>
      <div className="grid-form">
        <Field label={a.pointDuration} name="duration" error={errors.duration}>
          {(p) => <input {...p} type="number" min={1} max={480} inputMode="numeric" defaultValue={values.duration ?? ''} />}
        </Field>
        <Field label={a.pointPresenter} name="presenter" error={errors.presenter}>
          {(p) => <input {...p} type="text" defaultValue={values.presenter ?? ''} maxLength={TEXT_LIMITS.label} />}
        </Field>
      </div>
      <Field label={a.pointGoal} name="goalId" error={errors.goalId}>
        {(p) => (
          <select {...p} defaultValue={values.goalId ?? ''}>
            <option value="">{a.noneOption}</option>
            {choices.goals.map((g) => (
              <option key={g.id} value={String(g.id)}>
                {g.code} — {shorten(g.title, TITLE_MAX)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ActionChoiceField meetingId={meetingId} field={choices.action} value={values.actionChoice ?? ''} error={errors.actionChoice} />
    </>
  );
}

/** "Agendapunt toevoegen": a plain POST to the meeting page with intent addPoint. */
export function AddAgendaPointForm({
  meetingId,
  values,
  errors,
  choices,
}: {
  meetingId: number;
  values: AgendaPointValues;
  errors: FieldErrors;
  choices: AgendaPointChoices;
}) {
  return (
    <section aria-labelledby="agendapunt-toevoegen" className="card">
      <h3 id="agendapunt-toevoegen">{a.addHeading}</h3>
      <FormErrorSummary show={Object.keys(errors).length > 0} message={t.common.errors.formHasErrors} />
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="intent" value="addPoint" />
        <SubmissionKeyField />
        <AgendaPointFields meetingId={meetingId} values={values} errors={errors} choices={choices} />
        <button type="submit" className="button">
          {a.add}
        </button>
      </Form>
    </section>
  );
}

import { Form, Link } from '@remix-run/react';

import { t } from '../../i18n';
import type { ActionStatus } from '../../models/tracker/action-status';
import type { AgendaPointValues } from '../../schemas/meeting';
import type { FieldErrors } from '../../utils/forms';
import { shorten } from '../../utils/text';
import { Field, FormErrorSummary } from '../forms/field';
import { StatusBadge } from '../tracker/action-bits';

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
};

export type AgendaPointChoices = {
  goals: { id: number; code: string; title: string }[];
  actions: { id: number; title: string; goalCode: string }[];
};

const TITLE_MAX = 90;

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

/** The agenda in order, with (for editors) move, edit, done and remove controls per point. */
export function AgendaTable({ meetingId, points, mayEdit }: { meetingId: number; points: AgendaPointView[]; mayEdit: boolean }) {
  const total = points.reduce((sum, p) => sum + (p.durationMinutes ?? 0), 0);
  return (
    <>
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
            {points.map((p, i) => (
              <tr key={p.id} id={`agendapunt-${p.id}`} className={`agenda-point--${p.status}`}>
                <td>{i + 1}.</td>
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
                <td data-label={a.duration}>{p.durationMinutes !== null ? t.meetings.minutes(p.durationMinutes) : ''}</td>
                <td data-label={a.presenter}>{p.presenter}</td>
                <td className="agenda-table__links" data-label={a.links}>
                  <ul>
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
                    {i > 0 ? (
                      <PointButton intent="movePoint" pointId={p.id} fields={{ direction: 'up' }} label={a.moveUp(p.title)}>
                        {a.up}
                      </PointButton>
                    ) : null}
                    {i < points.length - 1 ? (
                      <PointButton intent="movePoint" pointId={p.id} fields={{ direction: 'down' }} label={a.moveDown(p.title)}>
                        {a.down}
                      </PointButton>
                    ) : null}
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
      {total > 0 ? <p className="muted">{a.totalDuration(total)}</p> : null}
    </>
  );
}

/** The fields of an agenda point, shared by "Agendapunt toevoegen" and its edit page. */
export function AgendaPointFields({
  values,
  errors,
  choices,
}: {
  values: AgendaPointValues;
  errors: FieldErrors;
  choices: AgendaPointChoices;
}) {
  return (
    <>
      <Field label={a.title} name="title" error={errors.title}>
        {(p) => <input {...p} type="text" defaultValue={values.title ?? ''} required maxLength={300} />}
      </Field>
      <div className="grid-form">
        <Field label={a.pointDuration} name="duration" error={errors.duration}>
          {(p) => <input {...p} type="number" min={1} max={480} inputMode="numeric" defaultValue={values.duration ?? ''} />}
        </Field>
        <Field label={a.pointPresenter} name="presenter" error={errors.presenter}>
          {(p) => <input {...p} type="text" defaultValue={values.presenter ?? ''} maxLength={200} />}
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
      <Field label={a.pointAction} name="actionId" error={errors.actionId}>
        {(p) => (
          <select {...p} defaultValue={values.actionId ?? ''}>
            <option value="">{a.noneOption}</option>
            {choices.actions.map((action) => (
              <option key={action.id} value={String(action.id)}>
                {action.goalCode} — {shorten(action.title, TITLE_MAX)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}

/** "Agendapunt toevoegen": a plain POST to the meeting page with intent addPoint. */
export function AddAgendaPointForm({
  values,
  errors,
  choices,
}: {
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
        <AgendaPointFields values={values} errors={errors} choices={choices} />
        <button type="submit" className="button">
          {a.add}
        </button>
      </Form>
    </section>
  );
}

import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';

import { FormErrorSummary } from '../components/forms/field';
import { t } from '../i18n';
import { emailEnabled } from '../models/notifications/email.server';
import {
  type EmailMode,
  listPreferences,
  type NotificationKind,
  savePreferences,
} from '../models/notifications/notification-preferences.server';
import { preferenceFieldNames, PreferencesFormSchema } from '../schemas/notification';
import notificationsCss from '../styles/notifications.css?url';
import { useActionResult } from '../utils/action-result';
import { requireUser } from '../utils/auth.server';
import { parseForm } from '../utils/forms';

const n = t.notifications;
const p = n.preferences;
const EMAIL_CHOICES: EmailMode[] = ['off', 'immediate', 'digest'];

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: notificationsCss }];
export const meta: MetaFunction = () => [{ title: t.common.pageTitle(p.pageTitle) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const preferences = listPreferences(user.id);
  return {
    // Field names come from the form's schema, so the page and the schema cannot disagree.
    rows: (Object.keys(preferences) as NotificationKind[]).map((kind) => ({ kind, names: preferenceFieldNames(kind) })),
    preferences,
    emailEnabled: emailEnabled(),
    email: user.email,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = parseForm(PreferencesFormSchema, await request.formData());
  if (!form.ok) return data({ fieldErrors: form.fieldErrors, values: form.values }, { status: 400 });
  // While e-mail is off here the form cannot choose it; the stored choice is kept for later.
  const preferences = emailEnabled()
    ? form.data
    : (Object.fromEntries(Object.entries(form.data).map(([kind, pref]) => [kind, { ...pref, email: null }])) as typeof form.data);
  savePreferences({ userId: user.id, preferences });
  return redirect('/meldingen/voorkeuren?opgeslagen=1');
}

export default function PreferencesPage() {
  const { rows, preferences, emailEnabled, email } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const [params] = useSearchParams();
  const errors = result?.fieldErrors ?? {};
  const values = result?.values;
  return (
    <>
      <h1>{p.pageTitle}</h1>
      {params.get('opgeslagen') && !result ? (
        <p className="notice notice--success" role="status">
          {p.saved}
        </p>
      ) : null}
      <FormErrorSummary show={Boolean(result)} message={p.errorSummary} />
      <p>{p.intro}</p>
      {emailEnabled ? <p>{p.emailTo(email)}</p> : <p className="notice">{p.emailOff}</p>}
      <Form method="post" className="form" noValidate>
        <table className="data preferences-table">
          <caption>{p.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{p.kindColumn}</th>
              <th scope="col">{p.inKoers}</th>
              <th scope="col">{p.emailColumn}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ kind, names }) => {
              const label = n.kinds[kind];
              const enabled = values ? values[names.enabled] === 'on' : preferences[kind].enabled;
              const chosen = values?.[names.email] ?? preferences[kind].email;
              const error = errors[names.email] ?? errors[names.enabled];
              const errorId = `${kind}-error`;
              return (
                <tr key={kind}>
                  <th scope="row">
                    {label}
                    {error ? (
                      <span className="field-error" id={errorId}>
                        {' '}
                        {error}
                      </span>
                    ) : null}
                  </th>
                  <td>
                    <input
                      type="checkbox"
                      name={names.enabled}
                      id={names.enabled}
                      defaultChecked={enabled}
                      aria-label={p.inKoersLabel(label)}
                      aria-describedby={error ? errorId : undefined}
                    />
                  </td>
                  <td>
                    <select
                      name={names.email}
                      defaultValue={EMAIL_CHOICES.includes(chosen as EmailMode) ? chosen : 'off'}
                      disabled={!emailEnabled}
                      aria-label={p.emailLabel(label)}
                      aria-invalid={errors[names.email] ? true : undefined}
                      aria-describedby={error ? errorId : undefined}
                    >
                      {EMAIL_CHOICES.map((mode) => (
                        <option key={mode} value={mode}>
                          {p.email[mode]}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="muted">{p.hiddenButMailed}</p>
        <div className="button-row">
          <button type="submit" className="button">
            {p.save}
          </button>
          <Link to="/meldingen">{p.back}</Link>
        </div>
      </Form>
    </>
  );
}

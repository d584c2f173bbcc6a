import { Form, Link } from '@remix-run/react';

import { t } from '../../i18n';
import { listSorting as so } from '../../i18n/nl/list-sorting';
import { ACTION_STATUS_LABELS, ACTION_STATUSES } from '../../models/tracker/action-status';
import { ACTION_SORTS, type ActionFilters, type FilterParam, type FilterValues } from '../../schemas/action-filters';
import { TEXT_LIMITS } from '../../schemas/limits';
import { Field } from '../forms/field';
import { OrganisationOptions } from '../forms/organisation-options';

const f = t.lists.filters;

/**
 * A query string for a list view: the current filter values with some changed
 * (null removes a parameter). "" when nothing is left, otherwise "?…".
 */
export function filterQuery(values: FilterValues, changes: Partial<Record<FilterParam, string | string[] | null>> = {}): string {
  const params = new URLSearchParams();
  const merged: Record<string, string | string[] | null | undefined> = { ...values, ...changes };
  for (const [key, value] of Object.entries(merged)) {
    if (value === null || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) if (v !== '') params.append(key, v);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

export type FilterFormOptions = {
  themes: { id: number; code: string; title: string }[];
  goals: { id: number; code: string; title: string; themeId: number }[];
  organisations: { id: number; name: string; kind: 'gemeente' | 'partner' }[];
  owners: { id: number; name: string }[];
};

type Props = {
  /** The page the form submits to (GET), e.g. "/acties". */
  action: string;
  options: FilterFormOptions;
  values: FilterValues;
  fieldErrors: Partial<Record<FilterParam, string>>;
  /** Which filters this view offers. */
  fields: FilterParam[];
};

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
const many = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const short = (text: string, max = 70) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The filter form of the list views: a plain GET form, so every view is a shareable link
 * and works without JavaScript. Sorting is carried along; the page number is not.
 */
export function ActionFilterForm({ action, options, values, fieldErrors, fields }: Props) {
  const has = (key: FilterParam) => fields.includes(key);
  const hasErrors = Object.keys(fieldErrors).length > 0;
  return (
    // Keyed by the values so the fields follow a navigation ("Wis filters", a sort link).
    <Form key={filterQuery(values)} method="get" action={action} className="list-filters" aria-labelledby="filters-heading">
      <h2 id="filters-heading" className="list-filters__heading">
        {f.heading}
      </h2>
      {values.periode ? <input type="hidden" name="periode" value={one(values.periode)} /> : null}
      {hasErrors ? (
        <p className="form-error" role="alert">
          {f.ignored}
        </p>
      ) : null}
      <div className="list-filters__grid">
        {has('thema') ? (
          <Field label={f.theme} name="thema" error={fieldErrors.thema}>
            {(p) => (
              <select {...p} defaultValue={fieldErrors.thema ? '' : one(values.thema)}>
                <option value="">{f.allThemes}</option>
                {options.themes.map((theme) => (
                  <option key={theme.id} value={theme.id}>
                    {theme.code} {short(theme.title)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {has('doel') ? (
          <Field label={f.goal} name="doel" error={fieldErrors.doel}>
            {(p) => (
              <select {...p} defaultValue={fieldErrors.doel ? '' : one(values.doel)}>
                <option value="">{f.allGoals}</option>
                {options.themes.map((theme) => {
                  const goals = options.goals.filter((g) => g.themeId === theme.id);
                  return goals.length > 0 ? (
                    <optgroup key={theme.id} label={`${theme.code} ${short(theme.title, 40)}`}>
                      {goals.map((goal) => (
                        <option key={goal.id} value={goal.id}>
                          {goal.code} {short(goal.title, 60)}
                        </option>
                      ))}
                    </optgroup>
                  ) : null;
                })}
              </select>
            )}
          </Field>
        ) : null}
        {has('organisatie') ? (
          <Field label={f.organisation} name="organisatie" error={fieldErrors.organisatie}>
            {(p) => (
              <select {...p} defaultValue={fieldErrors.organisatie ? '' : one(values.organisatie)}>
                <option value="">{f.allOrganisations}</option>
                <OrganisationOptions organisations={options.organisations} />
              </select>
            )}
          </Field>
        ) : null}
        {has('trekker') ? (
          <Field label={f.owner} name="trekker" error={fieldErrors.trekker}>
            {(p) => (
              <select {...p} defaultValue={fieldErrors.trekker ? '' : one(values.trekker)}>
                <option value="">{f.allOwners}</option>
                {options.owners.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {has('termijn') ? (
          <Field label={f.window} name="termijn" error={fieldErrors.termijn} hint={f.windowHint}>
            {(p) => <input {...p} type="text" defaultValue={one(values.termijn)} maxLength={TEXT_LIMITS.deadline} autoComplete="off" />}
          </Field>
        ) : null}
        {has('bereik') ? (
          <Field label={f.scope} name="bereik" error={fieldErrors.bereik}>
            {(p) => (
              <select {...p} defaultValue={fieldErrors.bereik ? '' : one(values.bereik)}>
                <option value="">{f.bothScopes}</option>
                <option value="regionaal">{f.scopeRegional}</option>
                <option value="lokaal">{f.scopeLocal}</option>
              </select>
            )}
          </Field>
        ) : null}
        {has('q') ? (
          <Field label={f.text} name="q" error={fieldErrors.q}>
            {(p) => <input {...p} type="search" defaultValue={one(values.q)} maxLength={TEXT_LIMITS.search} />}
          </Field>
        ) : null}
        {/* The table's header sorts too, but a phone shows the rows as cards, without it. */}
        {has('sort') ? <SortFields values={values} fieldErrors={fieldErrors} /> : null}
      </div>
      {has('status') ? <StatusFieldset values={many(values.status)} error={fieldErrors.status} /> : null}
      {has('telaat') ? (
        <div className="field list-filters__check">
          <input
            type="checkbox"
            id="filter-telaat"
            name="telaat"
            value="1"
            defaultChecked={one(values.telaat) === '1' || one(values.telaat) === 'ja'}
            aria-describedby={fieldErrors.telaat ? 'filter-telaat-error' : undefined}
          />
          <label htmlFor="filter-telaat">{f.overdue}</label>
          {fieldErrors.telaat ? (
            <span className="field-error" id="filter-telaat-error">
              {fieldErrors.telaat}
            </span>
          ) : null}
        </div>
      ) : null}
      {!has('sort') && values.sort && !fieldErrors.sort ? <input type="hidden" name="sort" value={one(values.sort)} /> : null}
      {!has('sort') && values.richting && !fieldErrors.richting ? (
        <input type="hidden" name="richting" value={one(values.richting)} />
      ) : null}
      <div className="button-row">
        <button type="submit" className="button">
          {f.submit}
        </button>
        {/* Clearing the filters keeps the period: the same view, unfiltered. */}
        <Link to={values.periode ? `${action}?periode=${one(values.periode)}` : action} className="button button--secondary">
          {f.clear}
        </Link>
      </div>
    </Form>
  );
}

function StatusFieldset({ values, error }: { values: string[]; error?: string }) {
  return (
    <fieldset className="field list-filters__statuses" aria-describedby={error ? 'filter-status-error' : 'filter-status-hint'}>
      <legend>{f.status}</legend>
      <span className="hint" id="filter-status-hint">
        {f.statusHint}
      </span>
      {error ? (
        <span className="field-error" id="filter-status-error">
          {error}
        </span>
      ) : null}
      <div className="list-filters__options">
        {ACTION_STATUSES.map((status) => (
          <span key={status} className="list-filters__option">
            <input
              type="checkbox"
              id={`filter-status-${status}`}
              name="status"
              value={status}
              defaultChecked={!error && values.includes(status)}
            />
            <label htmlFor={`filter-status-${status}`}>{ACTION_STATUS_LABELS[status]}</label>
          </span>
        ))}
      </div>
    </fieldset>
  );
}

/** The active filters in words, for a table caption: ["status Loopt, Besluit nodig", "termijn "2021""]. */
export function describeFilters(filters: ActionFilters, options: FilterFormOptions): string[] {
  const a = f.active;
  const out: string[] = [];
  const theme = options.themes.find((x) => x.id === filters.themeId);
  if (theme) out.push(a.theme(theme.code));
  const goal = options.goals.find((x) => x.id === filters.goalId);
  if (goal) out.push(a.goal(goal.code));
  const organisation = options.organisations.find((x) => x.id === filters.organisationId);
  if (organisation) out.push(a.organisation(organisation.name));
  const owner = options.owners.find((x) => x.id === filters.ownerUserId);
  if (owner) out.push(a.owner(owner.name));
  if (filters.statuses.length > 0) out.push(a.status(filters.statuses.map((s) => ACTION_STATUS_LABELS[s]).join(', ')));
  if (filters.window) out.push(a.window(filters.window.phrase));
  if (filters.overdueOnly) out.push(a.overdue);
  if (filters.scope) out.push(a.scope(filters.scope === 'regionaal' ? f.scopeRegional.toLowerCase() : f.scopeLocal.toLowerCase()));
  if (filters.text) out.push(a.text(filters.text));
  return out;
}

/** Sorting as two fields; the defaults (agenda order, ascending) stay out of the address. */
function SortFields({ values, fieldErrors }: Pick<Props, 'values' | 'fieldErrors'>) {
  const sort = fieldErrors.sort || one(values.sort) === 'code' ? '' : one(values.sort);
  const direction = fieldErrors.richting || one(values.richting) === 'op' ? '' : one(values.richting);
  return (
    <>
      <Field label={so.sort} name="sort" error={fieldErrors.sort}>
        {(p) => (
          <select {...p} defaultValue={sort}>
            {ACTION_SORTS.map((key) => (
              <option key={key} value={key === 'code' ? '' : key}>
                {so.sorts[key]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={so.direction} name="richting" error={fieldErrors.richting}>
        {(p) => (
          <select {...p} defaultValue={direction}>
            <option value="">{so.ascending}</option>
            <option value="af">{so.descending}</option>
          </select>
        )}
      </Field>
    </>
  );
}

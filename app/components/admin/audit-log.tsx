import { Form, Link } from '@remix-run/react';

import { t } from '../../i18n';
import {
  actionsInCategory,
  AUDIT_ACTION_LABELS,
  AUDIT_CATEGORIES,
  AUDIT_CATEGORY_LABELS,
  auditActionLabel,
} from '../../models/audit/audit-actions';
import { describeActor, describeDetails, describeTarget } from '../../models/audit/audit-describe';
import { auditFilterQuery, type AuditFilterValues, CATEGORY_PREFIX } from '../../schemas/audit-filters';
import { formatDateTime } from '../../utils/date-time';
import type { FieldErrors } from '../../utils/forms';
import { Field } from '../forms/field';

const a = t.audit;

type Person = { id: number; name: string; email: string };

/** The filter form: a plain GET form, so every view of the log is a link that works without JavaScript. */
export function AuditFilterForm({
  values,
  fieldErrors,
  people,
}: {
  values: AuditFilterValues;
  fieldErrors: FieldErrors;
  people: Person[];
}) {
  return (
    <Form key={auditFilterQuery(values)} method="get" className="list-filters" aria-labelledby="audit-filters-heading">
      <h2 id="audit-filters-heading" className="list-filters__heading">
        {a.filters.legend}
      </h2>
      <div className="list-filters__grid">
        <Field label={a.filters.from} name="van" error={fieldErrors.van}>
          {(p) => <input {...p} type="date" defaultValue={values.van} />}
        </Field>
        <Field label={a.filters.to} name="tot" error={fieldErrors.tot}>
          {(p) => <input {...p} type="date" defaultValue={values.tot} />}
        </Field>
        <Field label={a.filters.person} name="persoon" error={fieldErrors.persoon} hint={a.filters.personHint}>
          {(p) => (
            <select {...p} defaultValue={values.persoon}>
              <option value="">{a.filters.anyone}</option>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name} ({person.email})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={a.filters.kind} name="soort" error={fieldErrors.soort}>
          {(p) => (
            <select {...p} defaultValue={values.soort}>
              <option value="">{a.filters.anyKind}</option>
              {AUDIT_CATEGORIES.map((category) => (
                <optgroup key={category} label={AUDIT_CATEGORY_LABELS[category]}>
                  <option value={`${CATEGORY_PREFIX}${category}`}>{a.filters.allOf(AUDIT_CATEGORY_LABELS[category])}</option>
                  {actionsInCategory(category).map((action) => (
                    <option key={action} value={action}>
                      {AUDIT_ACTION_LABELS[action]}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="button-row">
        <button type="submit" className="button">
          {a.filters.submit}
        </button>
        <Link to="/beheer/auditlog">{a.filters.reset}</Link>
      </div>
    </Form>
  );
}

export type AuditRow = {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: number | null;
  targetName: string | null;
  ip: string | null;
  details: Record<string, string | number | boolean | null>;
};

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    // Wider than a phone: the region scrolls sideways, and takes keyboard focus to do so.
    <div className="table-wrap" role="region" aria-labelledby="audit-table-caption" tabIndex={0}>
      <table className="data audit-table">
        <caption id="audit-table-caption">{a.table.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{a.table.at}</th>
            <th scope="col">{a.table.actor}</th>
            <th scope="col">{a.table.action}</th>
            <th scope="col">{a.table.target}</th>
            <th scope="col">{a.table.ip}</th>
            <th scope="col">{a.table.details}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <time dateTime={row.at}>{formatDateTime(row.at)}</time>
              </td>
              <td>{row.actorId ? <Link to={`/beheer/gebruikers/${row.actorId}`}>{describeActor(row)}</Link> : describeActor(row)}</td>
              <th scope="row">{auditActionLabel(row.action)}</th>
              <td>{describeTarget(row)}</td>
              <td>{row.ip ?? a.table.none}</td>
              <td>{describeDetails(row.details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

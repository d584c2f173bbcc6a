import { Form, useNavigation } from '@remix-run/react';

import { t } from '../../i18n';
import { formatDateTime } from '../../utils/date-time';
import { OrganisationOptions } from '../forms/organisation-options';
import { RoleOptions } from './admin-bits';

const a = t.admin.accessRequests;

export type AccessRequestRow = {
  id: number;
  name: string;
  email: string;
  providerName: string;
  createdAt: string;
  organisationId: number | null;
};

type Organisation = { id: number; name: string; kind: 'gemeente' | 'partner' };

/**
 * The open access requests on /beheer/gebruikers: per person a role and an organisation
 * (their provider's by default) and the choice to give access or to reject.
 */
export function AccessRequests({ requests, organisations }: { requests: AccessRequestRow[]; organisations: Organisation[] }) {
  const submitting = useNavigation().state === 'submitting';
  if (requests.length === 0) return null;
  return (
    <section aria-labelledby="access-requests-heading">
      <h2 id="access-requests-heading">{a.title}</h2>
      <p>{a.intro}</p>
      <div className="table-wrap">
        <table className="data">
          <caption>{a.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{a.name}</th>
              <th scope="col">{a.email}</th>
              <th scope="col">{a.provider}</th>
              <th scope="col">{a.requestedAt}</th>
              <th scope="col">{a.decision}</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((request) => (
              <tr key={request.id}>
                <th scope="row">{request.name}</th>
                <td>{request.email}</td>
                <td>{request.providerName}</td>
                <td>{formatDateTime(request.createdAt)}</td>
                <td>
                  <Form method="post" className="access-decision">
                    <input type="hidden" name="requestId" value={request.id} />
                    <label htmlFor={`role-${request.id}`} className="visually-hidden">
                      {a.role(request.name)}
                    </label>
                    <select id={`role-${request.id}`} name="role" defaultValue="lezer">
                      <RoleOptions />
                    </select>
                    <label htmlFor={`organisation-${request.id}`} className="visually-hidden">
                      {a.organisation(request.name)}
                    </label>
                    <select id={`organisation-${request.id}`} name="organisationId" defaultValue={request.organisationId ?? ''}>
                      <OrganisationOptions organisations={organisations} />
                    </select>
                    <div className="button-row">
                      <button
                        type="submit"
                        name="intent"
                        value="approve"
                        className="button"
                        disabled={submitting}
                        aria-label={a.approve(request.name)}
                      >
                        {a.approveShort}
                      </button>
                      <button
                        type="submit"
                        name="intent"
                        value="reject"
                        className="button button--secondary"
                        disabled={submitting}
                        aria-label={a.reject(request.name)}
                      >
                        {a.rejectShort}
                      </button>
                    </div>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

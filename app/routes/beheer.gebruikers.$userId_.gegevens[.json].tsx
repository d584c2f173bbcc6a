import type { LoaderFunctionArgs } from '@remix-run/node';

import { t } from '../i18n';
import { recordAudit } from '../models/audit/audit-log.server';
import { canExportPersonData } from '../models/permissions';
import { exportPersonData } from '../models/privacy/person-export.server';
import { clientAddress, requireActor } from '../utils/auth.server';
import { contentDisposition } from '../utils/content-disposition';
import { requireAllowed, requireFound, requireIdParam } from '../utils/http.server';
import { todayInNL } from '../utils/today';

/**
 * /beheer/gebruikers/:id/gegevens.json: everything Koers holds about the person (AVG
 * right of access), for the beheerder to hand over. Recorded in the audit log.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canExportPersonData(actor));
  const userId = requireIdParam(params.userId);
  const exported = requireFound(exportPersonData(userId));
  recordAudit({ actorId: actor.id, action: 'person.data_exported', target: { type: 'user', id: userId }, ip: clientAddress(context) });
  return new Response(`${JSON.stringify(exported, null, 2)}\n`, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': contentDisposition(t.privacy.person.exportFilename(userId, todayInNL())),
      'Cache-Control': 'private, no-store',
    },
  });
}

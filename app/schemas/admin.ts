import { t } from '../i18n';
import { ROLES } from '../models/permissions';
import { idField } from './ids';
import { limit } from './limits';
import { z } from './zod';

const m = t.admin.errors;

const personName = z
  .string({ error: m.nameRequired })
  .trim()
  .min(1, { error: m.nameRequired })
  .max(...limit('name', m.nameTooLong));

/** E-mail addresses are stored lower-cased, so uniqueness ignores case. */
const email = z
  .string({ error: m.emailInvalid })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: m.emailInvalid }).max(...limit('email', () => m.emailInvalid)));

const role = z.enum(ROLES, { error: m.roleInvalid });

const organisationId = idField(m.organisationInvalid);

/** /beheer/gebruikers/nieuw */
export const InviteUserSchema = z.object({ name: personName, email, role, organisationId });

/** /beheer/gebruikers/:userId, intent "access". */
export const UserAccessSchema = z.object({ role, organisationId });

const organisationName = z
  .string({ error: m.organisationNameRequired })
  .trim()
  .min(1, { error: m.organisationNameRequired })
  .max(...limit('name', m.organisationNameTooLong));

/** /beheer/organisaties, intent "create". */
export const CreateOrganisationSchema = z.object({ name: organisationName });

/** /beheer/organisaties, intent "rename". */
export const RenameOrganisationSchema = z.object({ organisationId, name: organisationName });

const requestId = idField(t.admin.accessRequests.notFound);

/** /beheer/gebruikers, intent "approve": an access request gets a role and an organisation. */
export const ApproveAccessRequestSchema = z.object({ requestId, role, organisationId });

/** /beheer/gebruikers, intent "reject". */
export const RejectAccessRequestSchema = z.object({ requestId });

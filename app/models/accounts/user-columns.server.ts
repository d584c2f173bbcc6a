import { organisations, users } from '../../../db/schema';

/**
 * A user with the name of their organisation, for a select from users joined with
 * organisations: the signed-in user (session.server) and the beheer screens (user.server).
 */
export const userWithOrganisationColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  organisationId: users.organisationId,
  organisationName: organisations.name,
};

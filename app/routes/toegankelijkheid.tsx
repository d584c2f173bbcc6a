import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { Statement } from '../components/privacy/statement';
import { t } from '../i18n';
import { canEditStatements } from '../models/permissions';
import { getStatement } from '../models/privacy/statements.server';
import { asActor, getUser } from '../utils/auth.server';

export const meta: MetaFunction = () => [{ title: t.common.pageTitle(t.privacy.statements.toegankelijkheid.title) }];

/** Public: readable without signing in (a statement every visitor must be able to find). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return { ...getStatement('toegankelijkheid'), mayEdit: user ? canEditStatements(asActor(user)) : false };
}

export default function StatementPage() {
  return <Statement statement={useLoaderData<typeof loader>()} />;
}

import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { Breadcrumbs } from '../components/layout/breadcrumbs';
import { LibraryItemForm } from '../components/library/library-item-form';
import { t } from '../i18n';
import { getLibraryFormOptions } from '../models/library/library.server';
import { libraryActionChoices, libraryActionField } from '../models/library/library-action-choice.server';
import { submitLibraryItemForm } from '../models/library/library-form.server';
import { LIBRARY_KINDS, type LibraryKind } from '../models/library/library-rules';
import { canAddLibraryItems } from '../models/permissions';
import type { LibraryFormValues } from '../schemas/library';
import libraryCss from '../styles/library.css?url';
import { useActionResult } from '../utils/action-result';
import { requireActor } from '../utils/auth.server';
import { optionalIdQuery, requireAllowed } from '../utils/http.server';

const l = t.library;
const f = l.form;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: libraryCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t.common.pageTitle(data?.kind ? f.newKindTitle(l.kinds[data.kind]) : f.newTitle) },
];

/**
 * A new item. Without ?soort= the page asks which kind; with it, that kind's form.
 * ?doel=, ?actie= and ?overleg= preselect a link (from a goal, action or meeting page).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canAddLibraryItems(actor));
  const query = new URL(request.url).searchParams;
  const kind = LIBRARY_KINDS.find((k) => k === query.get('soort')) ?? null;
  const options = getLibraryFormOptions();
  const preselect = (id: number | null, list: { id: number }[]) => (id !== null && list.some((x) => x.id === id) ? [String(id)] : []);
  const actionId = optionalIdQuery(query.get('actie'));
  const values: LibraryFormValues = {
    goalIds: preselect(optionalIdQuery(query.get('doel')), options.goals),
    // Where the actions are too many for checkboxes, the one asked for still has to exist.
    actionIds: preselect(actionId, options.actions ?? (actionId === null ? [] : libraryActionChoices([actionId]))),
    meetingIds: preselect(optionalIdQuery(query.get('overleg')), options.meetings),
  };
  // The kind links keep the preselected links.
  const keep = new URLSearchParams();
  for (const key of ['doel', 'actie', 'overleg']) {
    const value = optionalIdQuery(query.get(key));
    if (value !== null) keep.set(key, String(value));
  }
  return { kind, options, values, actionField: libraryActionField(values.actionIds), keep: keep.toString() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request);
  requireAllowed(canAddLibraryItems(actor));
  const result = await submitLibraryItemForm({ request, userId: user.id });
  if (!result.ok) {
    return data(
      { fieldErrors: result.fieldErrors, values: result.values, actionField: libraryActionField(result.values.actionIds) },
      { status: 400 },
    );
  }
  return redirect(`/kennisbank/${result.id}?toegevoegd=1`);
}

export default function NewLibraryItemPage() {
  const { kind: chosenKind, options, values, actionField, keep } = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
  const kind = LIBRARY_KINDS.find((k) => k === actionData?.values.kind) ?? (chosenKind as LibraryKind | null);
  return (
    <>
      <Breadcrumbs label={l.breadcrumbsLabel} trail={[{ to: '/kennisbank', label: l.title }]} current={l.newItem} />
      <h1>{kind ? f.newKindTitle(l.kinds[kind]) : f.newTitle}</h1>
      {kind ? (
        <LibraryItemForm
          kind={kind}
          isNew
          options={options}
          values={actionData?.values ?? values}
          actionField={actionData ? actionData.actionField : actionField}
          errors={actionData?.fieldErrors ?? {}}
          submitLabel={f.submitCreate}
          cancelTo="/kennisbank"
        />
      ) : (
        <section aria-labelledby="soort-kiezen">
          <h2 id="soort-kiezen">{f.chooseKind}</h2>
          <ul className="library-kinds">
            {LIBRARY_KINDS.map((k) => (
              <li key={k}>
                <Link to={`/kennisbank/nieuw?${new URLSearchParams([['soort', k], ...new URLSearchParams(keep)]).toString()}`}>
                  {l.kinds[k]}
                </Link>
                <span className="muted"> — {l.kindDescriptions[k]}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';

import { Breadcrumbs } from '../components/layout/breadcrumbs';
import { LibraryItemForm } from '../components/library/library-item-form';
import { t } from '../i18n';
import { getLibraryFormOptions, getLibraryItem, libraryItemFormValues } from '../models/library/library.server';
import { libraryActionField } from '../models/library/library-action-choice.server';
import { submitLibraryItemForm } from '../models/library/library-form.server';
import { canEditLibraryItem } from '../models/permissions';
import libraryCss from '../styles/library.css?url';
import { useActionResult } from '../utils/action-result';
import { requireActor } from '../utils/auth.server';
import { requireAllowed, requireFound, requireIdParam } from '../utils/http.server';
import { requireLibraryItemEditor } from '../utils/route-guards.server';

const l = t.library;
const f = l.form;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: libraryCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t.common.pageTitle(data ? f.editTitle(data.item.title) : t.common.errors.notFoundTitle) },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const item = requireFound(getLibraryItem(requireIdParam(params.itemId)));
  requireAllowed(canEditLibraryItem(actor, item));
  const values = libraryItemFormValues(item);
  return {
    item: { id: item.id, kind: item.kind, title: item.title },
    options: getLibraryFormOptions(),
    values,
    actionField: libraryActionField(values.actionIds),
  };
}

/** Saves the item; for a document, a chosen file becomes the next version (earlier ones stay). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, id, owner } = await requireLibraryItemEditor({ request, params });
  const result = await submitLibraryItemForm({ request, userId: user.id, kind: owner.kind, existingId: id });
  if (!result.ok) {
    return data(
      { fieldErrors: result.fieldErrors, values: result.values, actionField: libraryActionField(result.values.actionIds) },
      { status: 400 },
    );
  }
  return redirect(`/kennisbank/${id}?opgeslagen=1`);
}

export default function EditLibraryItemPage() {
  const { item, options, values, actionField } = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
  return (
    <>
      <Breadcrumbs
        label={l.breadcrumbsLabel}
        trail={[
          { to: '/kennisbank', label: l.title },
          { to: `/kennisbank/${item.id}`, label: item.title },
        ]}
        current={t.common.edit}
      />
      <h1>{f.editTitle(item.title)}</h1>
      <LibraryItemForm
        kind={item.kind}
        isNew={false}
        options={options}
        values={actionData?.values ?? values}
        actionField={actionData ? actionData.actionField : actionField}
        errors={actionData?.fieldErrors ?? {}}
        submitLabel={f.submitEdit}
        cancelTo={`/kennisbank/${item.id}`}
      />
      <section className="library-delete" aria-labelledby="verwijderen-titel">
        <h2 id="verwijderen-titel">{f.deleteHeading}</h2>
        <p>{f.deleteText}</p>
        <Form method="post" action={`/kennisbank/${item.id}/verwijderen`}>
          <button type="submit" className="button button--danger">
            {f.deleteConfirm}
          </button>
        </Form>
      </section>
    </>
  );
}

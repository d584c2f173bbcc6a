import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useFetcher, useLoaderData, useLocation } from '@remix-run/react';
import { type DragEvent, type FormEvent, useEffect, useRef, useState } from 'react';

import { PeriodSwitch } from '../components/periods/period-switch';
import { ActionFilterForm, filterQuery } from '../components/tracker/action-filters';
import { type BoardCard, boardCardMarkup, cardElementId } from '../components/tracker/board-card-markup';
import { hiddenCards, shownColumns } from '../components/tracker/board-columns';
import { t } from '../i18n';
import type { PeriodState } from '../models/periods/period-rules';
import { type Actor, canCreateAnyAction, canEditAction } from '../models/permissions';
import { getAction, getActionScope, setActionStatus } from '../models/tracker/action.server';
import { type ActionListRow, getBoardCard, listBoard, readListFilters } from '../models/tracker/action-list.server';
import { ACTION_STATUS_LABELS, ACTION_STATUSES, type ActionStatus, isClosedStatus } from '../models/tracker/action-status';
import { BoardMoveSchema } from '../schemas/board';
import boardCss from '../styles/board.css?url';
import listsCss from '../styles/lists.css?url';
import periodsCss from '../styles/periods.css?url';
import { useActionResult } from '../utils/action-result';
import { requireActor } from '../utils/auth.server';
import { parseForm } from '../utils/forms';
import { requireAllowed, requireFound } from '../utils/http.server';
import { requirePeriod } from '../utils/route-guards.server';
import { todayInNL } from '../utils/today';
import { useRouterForPlainLinks } from '../utils/use-router-for-plain-links';

const b = t.lists.board;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: periodsCss },
  { rel: 'stylesheet', href: listsCss },
  { rel: 'stylesheet', href: boardCss },
];

export const meta: MetaFunction = () => [{ title: t.common.pageTitle(b.title) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const today = todayInNL();
  const { period, periodSwitch } = requirePeriod(request);
  const { filters, fieldErrors, values, options } = readListFilters(new URL(request.url).searchParams, today, period);
  const columns = listBoard({ filters, today, period }).map((column) => ({
    status: column.status,
    total: column.total,
    actions: column.actions.map((a) => toCard(a, actor, period)),
  }));
  return { columns, fieldErrors, values, options, periodSwitch, mayMoveAny: canCreateAnyAction(actor, period) };
}

/** What a card shows, and whether this user may move it. */
function toCard(a: ActionListRow, actor: Actor, period: PeriodState): BoardCard {
  return {
    id: a.id,
    title: a.title,
    status: a.status,
    goalCode: a.goalCode,
    ownerUserName: a.ownerUserName,
    ownerOrganisationName: a.ownerOrganisationName,
    municipalityName: a.municipalityName,
    deadlinePhrase: a.deadlinePhrase,
    deadlineStart: a.deadlineStart,
    deadlineEnd: a.deadlineEnd,
    overdue: a.overdue,
    mayMove: canEditAction(actor, a, period),
  };
}

/**
 * The reply to a move carries the moved card as the board shows it: its new column may be
 * cut off before it (BOARD_COLUMN_LIMIT), and the board keeps it in view (shownColumns).
 */
type MoveResult = { ok: true; movedId: number; card: BoardCard | null; message: string } | { ok: false; message: string };

/** Moving a card: the status of one action, by whoever may edit that action. */
export async function action({ request }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request);
  requireAllowed(canCreateAnyAction(actor));
  const form = parseForm(BoardMoveSchema, await request.formData());
  if (!form.ok) return data<MoveResult>({ ok: false, message: b.moveFailed }, { status: 400 });
  const { actionId, status } = form.data;
  requireAllowed(canEditAction(actor, requireFound(getActionScope(actionId))));
  // The board posted from: its period decides which card the reply carries. An unknown one is a 404 before anything changes.
  const { period } = requirePeriod(request);
  const before = getAction(actionId)!;
  setActionStatus({ userId: user.id, id: actionId, status });
  const label = ACTION_STATUS_LABELS[status];
  const message = before.status === status ? b.unchanged(before.title, label) : b.moved(before.title, label);
  // The card of the board's period only: a card of another period has no place on this board.
  const moved = getBoardCard({ id: actionId, today: todayInNL(), period });
  return data<MoveResult>({ ok: true, movedId: actionId, card: moved ? toCard(moved, actor, period) : null, message });
}

export default function Board() {
  const { columns, fieldErrors, values, options, periodSwitch, mayMoveAny } = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
  const mover = useFetcher<typeof action>({ key: 'board-move' });
  const location = useLocation();
  const boardRef = useRouterForPlainLinks<HTMLDivElement>();
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<ActionStatus | null>(null);

  const result = mover.data ?? actionData;

  // While a move is on its way, show the card in its new column already, at the top,
  // where the loaded board will put it (the most recently changed card comes first); and
  // keep the card just moved in view where its column is cut off.
  const pendingId = Number(mover.formData?.get('actionId'));
  const pendingStatus = mover.formData?.get('status') as ActionStatus | undefined;
  const pending = pendingId && pendingStatus && ACTION_STATUSES.includes(pendingStatus) ? { id: pendingId, status: pendingStatus } : null;
  const shown = shownColumns(columns, pending, result?.ok ? result.card : null);
  const formAction = `/bord${location.search}`;

  // The focus follows a moved card. A card that changes column is a new element, so the
  // focus on its "Verplaats" button drops to the page; and the card may be rendered anew
  // more than once after that (shown in its new column at once, then the revalidation
  // after the move, then the live update the move itself causes, in either order, and
  // a reply that still has it in its old column puts it back there for a moment). So
  // after every render, not once: while the focus is lost, it goes to the moved card.
  // It stops following once the user puts the focus anywhere else.
  const followFocus = useRef<number | null>(null);
  useEffect(() => {
    const id = followFocus.current;
    if (id === null) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    document.getElementById(cardElementId(id))?.focus();
  });
  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => {
      const id = followFocus.current;
      const target = event.target as Element | null;
      if (id === null || !target || target === document.body) return;
      if (target.id !== cardElementId(id)) followFocus.current = null;
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, []);

  // The cards are markup (board-card-markup.ts): their events are read here, on the board.
  const move = (id: number, status: ActionStatus) => {
    followFocus.current = id;
    mover.submit({ intent: 'move', actionId: String(id), status }, { method: 'post', action: formAction });
  };
  const onSubmit = (event: FormEvent<HTMLDivElement>) => {
    const form = event.target as HTMLFormElement;
    const id = cardIdOf(form);
    if (id === null) return;
    event.preventDefault();
    followFocus.current = id;
    mover.submit(form, { method: 'post', action: formAction });
  };
  const onDragStart = (event: DragEvent<HTMLDivElement>) => {
    const id = cardIdOf(event.target as Element);
    if (id === null) return;
    event.dataTransfer.setData('text/plain', String(id));
    event.dataTransfer.effectAllowed = 'move';
    setDragging(id);
  };
  const onDragEnd = () => {
    setDragging(null);
    setOver(null);
  };
  const drop = (status: ActionStatus) => (event: DragEvent) => {
    event.preventDefault();
    setOver(null);
    const id = Number(event.dataTransfer.getData('text/plain'));
    setDragging(null);
    if (!id) return;
    // Compared with the column the card is shown in: right after a move the board may
    // still be reloading, and the loaded data still has the card in its old column.
    const from = shown.find((c) => c.actions.some((a) => a.id === id));
    const card = from?.actions.find((a) => a.id === id);
    if (!from || !card?.mayMove || from.status === status) return;
    move(id, status);
  };

  return (
    <div className="board-page">
      <h1>{b.title}</h1>
      <PeriodSwitch {...periodSwitch} />
      <p className="lead">{mayMoveAny ? b.lead : b.readOnly}</p>
      <ActionFilterForm
        action="/bord"
        options={options}
        values={values}
        fieldErrors={fieldErrors}
        fields={['thema', 'organisatie', 'trekker', 'bereik', 'q', 'telaat']}
      />
      <div role="status" aria-live="polite" className={result ? (result.ok ? 'notice notice--success' : 'form-error') : undefined}>
        {result?.message ?? ''}
      </div>
      <div className="board" ref={boardRef} onSubmit={onSubmit} onDragStart={onDragStart} onDragEnd={onDragEnd}>
        {shown.map((column) => (
          <section
            key={column.status}
            className={`board__column board__column--${column.status}${over === column.status ? ' board__column--over' : ''}`}
            aria-labelledby={`kolom-${column.status}`}
            onDragOver={
              dragging !== null
                ? (event) => {
                    event.preventDefault();
                    event.dataTransfer.dropEffect = 'move';
                    if (over !== column.status) setOver(column.status);
                  }
                : undefined
            }
            onDragLeave={(event) => {
              if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(null);
            }}
            onDrop={drop(column.status)}
          >
            <h2 id={`kolom-${column.status}`} className="board__heading">
              {b.column(ACTION_STATUS_LABELS[column.status], column.total)}
            </h2>
            {column.actions.length === 0 ? (
              <p className="muted board__empty">{b.empty}</p>
            ) : (
              <ul className="board__cards">
                {column.actions.map((card) => (
                  <li
                    key={card.id}
                    className={dragging === card.id ? 'board__card--dragging' : undefined}
                    dangerouslySetInnerHTML={{ __html: boardCardMarkup(card, column.status, formAction) }}
                  />
                ))}
              </ul>
            )}
            {hiddenCards(column) > 0 ? (
              <p className="board__more">
                <Link to={`/acties${filterQuery(values, listOrderOf(column.status))}`}>
                  {b.showAll(column.total, ACTION_STATUS_LABELS[column.status])}
                </Link>
              </p>
            ) : null}
          </section>
        ))}
      </div>
    </div>
  );
}

/** The list of one column's actions, in the column's order, with the board's filters. */
const listOrderOf = (status: ActionStatus) =>
  isClosedStatus(status)
    ? { status, sort: 'gewijzigd', richting: 'af', pagina: null }
    : { status, sort: null, richting: null, pagina: null };

/** The action of the card an element is in (its `data-card`), or null outside a card. */
function cardIdOf(element: Element): number | null {
  const card = element.closest<HTMLElement>('[data-card]');
  const id = Number(card?.dataset.card);
  return Number.isInteger(id) && id > 0 ? id : null;
}

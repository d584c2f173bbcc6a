import { t } from '../../i18n';
import { useRouterForPlainLinks } from '../../utils/use-router-for-plain-links';
import { type ActionRow, goalActionRowsMarkup } from './action-rows-markup';

const col = t.tracker.columns;

export type { ActionRow };

/**
 * The actions of one goal as a table (the agenda overview and the goal page). With
 * `scopeColumn` the scope (regional, or local to a municipality) has a column of its own;
 * without it a local action carries a tag after its title. The rows are written as markup
 * (action-rows-markup.ts): the overview has hundreds of them.
 */
export function GoalActionTable({
  actions,
  caption,
  scopeColumn = false,
}: {
  actions: ActionRow[];
  caption: string;
  scopeColumn?: boolean;
}) {
  const rowsRef = useRouterForPlainLinks<HTMLTableSectionElement>();
  return (
    <table className="data compact card-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{col.action}</th>
          {scopeColumn ? <th scope="col">{col.scope}</th> : null}
          <th scope="col">{col.owner}</th>
          <th scope="col">{col.deadline}</th>
          <th scope="col">{col.status}</th>
          <th scope="col">{col.progress}</th>
        </tr>
      </thead>
      <tbody ref={rowsRef} dangerouslySetInnerHTML={{ __html: goalActionRowsMarkup(actions, scopeColumn) }} />
    </table>
  );
}

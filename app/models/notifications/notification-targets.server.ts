import { eq } from 'drizzle-orm';

import { actions, goals, libraryItems, localAccents, meetings, monitorIndicators, organisations, yearReports } from '../../../db/schema';
import { t } from '../../i18n';
import { db } from '../../utils/db.server';
import type { CommentTarget } from '../comments/comment-target';
import type { Tx } from '../history.server';

export type NotificationTarget = {
  /** Dutch phrase naming the item inside a sentence: 'de actie "…"'. */
  label: string;
  /** Its page. */
  href: string;
  /** Who owns it and hears of every comment on it: an action's trekker, a library item's author. */
  ownerUserId: number | null;
};

const n = t.notifications.targets;

/**
 * What a notification about a comment on this item says and links to; undefined when the
 * item is gone. `from`: a transaction to read in (the demo seed's), else the database.
 */
export function describeCommentTarget(
  { targetType, targetId }: { targetType: CommentTarget; targetId: number },
  from: Pick<Tx, 'select'> = db,
): NotificationTarget | undefined {
  switch (targetType) {
    case 'goal': {
      const goal = from.select({ code: goals.code, title: goals.title }).from(goals).where(eq(goals.id, targetId)).get();
      return goal && { label: n.goal(goal.code, goal.title), href: `/doelen/${targetId}`, ownerUserId: null };
    }
    case 'action': {
      const action = from
        .select({ title: actions.title, ownerUserId: actions.ownerUserId })
        .from(actions)
        .where(eq(actions.id, targetId))
        .get();
      return action && { label: n.action(action.title), href: `/acties/${targetId}`, ownerUserId: action.ownerUserId };
    }
    case 'accent': {
      const accent = from
        .select({
          goalId: localAccents.goalId,
          municipalityId: localAccents.municipalityId,
          goalCode: goals.code,
          municipality: organisations.name,
        })
        .from(localAccents)
        .innerJoin(goals, eq(goals.id, localAccents.goalId))
        .innerJoin(organisations, eq(organisations.id, localAccents.municipalityId))
        .where(eq(localAccents.id, targetId))
        .get();
      return (
        accent && {
          label: n.accent(accent.municipality, accent.goalCode),
          href: `/accenten/${accent.goalId}/${accent.municipalityId}`,
          ownerUserId: null,
        }
      );
    }
    case 'library': {
      const item = from
        .select({ title: libraryItems.title, createdBy: libraryItems.createdBy })
        .from(libraryItems)
        .where(eq(libraryItems.id, targetId))
        .get();
      return item && { label: n.library(item.title), href: `/kennisbank/${targetId}`, ownerUserId: item.createdBy };
    }
    case 'meeting': {
      const meeting = from.select({ title: meetings.title }).from(meetings).where(eq(meetings.id, targetId)).get();
      return meeting && { label: n.meeting(meeting.title), href: `/overleggen/${targetId}`, ownerUserId: null };
    }
    case 'year-report': {
      const report = from.select({ year: yearReports.year }).from(yearReports).where(eq(yearReports.id, targetId)).get();
      return report && { label: n.yearReport(report.year), href: `/jaarrapportages/${report.year}`, ownerUserId: null };
    }
    case 'indicator': {
      const indicator = from
        .select({ code: monitorIndicators.code, name: monitorIndicators.name })
        .from(monitorIndicators)
        .where(eq(monitorIndicators.id, targetId))
        .get();
      return (
        indicator && {
          label: n.indicator(indicator.name),
          href: `/monitor/indicatoren/${encodeURIComponent(indicator.code)}`,
          ownerUserId: null,
        }
      );
    }
  }
}

import type { ReactNode } from 'react';

import { t } from '../../i18n';
import { Breadcrumbs } from '../layout/breadcrumbs';

/**
 * The trail above every page that hangs under one meeting (edit, agenda point, proposals,
 * notes, minutes): Overleggen › <meeting> › <this page>.
 */
export function MeetingBreadcrumbs({ meeting, current }: { meeting: { id: number; title: string }; current: ReactNode }) {
  return (
    <Breadcrumbs
      label={t.meetings.breadcrumbsLabel}
      trail={[
        { to: '/overleggen', label: t.meetings.title },
        { to: `/overleggen/${meeting.id}`, label: meeting.title },
      ]}
      current={current}
    />
  );
}

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { ACTION_STATUSES } from '../../models/tracker/action-status';
import { DeadlineText, OverdueBadge, ProgressBar, StatusBadge } from './action-bits';
import {
  actionListRowsMarkup,
  type ActionTableRow,
  deadlineMarkup,
  goalActionRowsMarkup,
  overdueMarkup,
  ownerMarkup,
  progressMarkup,
  statusMarkup,
} from './action-rows-markup';
import { OwnerText } from './owner-text';

const HOSTILE = `<img src=x onerror="alert('x')"> & co`;

const row = (over: Partial<ActionTableRow> = {}): ActionTableRow => ({
  id: 7,
  code: '1.3.a-A3',
  title: 'We ontwikkelen een aanpak begrijpelijke communicatie',
  status: 'loopt',
  progress: 40,
  deadlinePhrase: 'medio 2022',
  deadlineStart: '2022-05-01',
  deadlineEnd: '2022-08-31',
  ownerUserName: 'Sem Bos',
  ownerOrganisationName: 'Heemskerk',
  municipalityName: null,
  overdue: false,
  goalId: 61,
  goalCode: '1.3.a-A',
  goalTitle: "Meer inwoners vinden hun weg naar 't aanbod",
  ...over,
});

describe('action rows as markup', () => {
  // The markup stands in for the cell components wherever a table has many rows; the
  // action page and the board still render the components. Both must write the same HTML.
  it('writes each cell exactly as its React component does', () => {
    const people: [string | null, string | null][] = [
      [null, null],
      ['Sem Bos', null],
      [null, 'Velsen'],
      ['Sem Bos', 'Heemskerk'],
      [HOSTILE, HOSTILE],
    ];
    for (const [person, organisation] of people) {
      expect(ownerMarkup(person, organisation)).toBe(renderToStaticMarkup(createElement(OwnerText, { person, organisation })));
    }
    const deadlines: [string | null, string | null, string | null][] = [
      [null, null, null],
      ['medio 2022', '2022-05-01', '2022-08-31'],
      ['vanaf 2023', '2023-01-01', null],
      ['voor de zomer', null, '2024-06-30'],
      [HOSTILE, null, '2024-06-30'],
    ];
    for (const [phrase, start, end] of deadlines) {
      expect(deadlineMarkup(phrase, start, end)).toBe(renderToStaticMarkup(createElement(DeadlineText, { phrase, start, end })));
    }
    for (const status of ACTION_STATUSES) {
      expect(statusMarkup(status)).toBe(renderToStaticMarkup(createElement(StatusBadge, { status })));
    }
    expect(overdueMarkup()).toBe(renderToStaticMarkup(createElement(OverdueBadge)));
    for (const value of [-5, 0, 40, 100, 120]) {
      expect(progressMarkup(value)).toBe(renderToStaticMarkup(createElement(ProgressBar, { value })));
    }
  });

  it('writes titles, names and phrases as text, never as markup', () => {
    const html = actionListRowsMarkup([
      row({ title: HOSTILE, goalTitle: HOSTILE, goalCode: HOSTILE, code: HOSTILE, municipalityName: HOSTILE }),
    ]);
    expect(html).not.toContain('<img');
    expect(html).not.toContain(`"alert`);
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(&#x27;x&#x27;)&quot;&gt; &amp; co');
    const goal = goalActionRowsMarkup([row({ title: HOSTILE, municipalityName: HOSTILE })], true);
    expect(goal).not.toContain('<img');
  });

  it('links each action and its goal, and names a local action its municipality', () => {
    const [regional, local] = [row(), row({ id: 8, municipalityName: 'Velsen', overdue: true, status: 'niet_gestart' })];
    const html = actionListRowsMarkup([regional, local]);
    expect(html.match(/<tr>/g)).toHaveLength(2);
    expect(html).toContain('<a href="/acties/7">We ontwikkelen een aanpak begrijpelijke communicatie</a>');
    expect(html).toContain('<a href="/doelen/61" title="Meer inwoners vinden hun weg naar &#x27;t aanbod">1.3.a-A</a>');
    expect(html).toContain('<span class="scope-tag">Lokaal: Velsen</span>');
    expect(html).toContain('<span class="badge-overdue">');

    const withTags = goalActionRowsMarkup([regional, local], false);
    expect(withTags).toContain('<span class="scope-tag">Lokaal: Velsen</span>');
    const withColumn = goalActionRowsMarkup([regional, local], true);
    expect(withColumn).not.toContain('scope-tag');
    expect(withColumn).toContain('<td data-label="Reikwijdte">Regionaal</td>');
    expect(withColumn).toContain('<td data-label="Reikwijdte">Lokaal: Velsen</td>');
  });
});

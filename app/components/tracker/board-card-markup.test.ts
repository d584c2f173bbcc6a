import { describe, expect, it } from 'vitest';

import { t } from '../../i18n';
import { ACTION_STATUSES } from '../../models/tracker/action-status';
import { type BoardCard, boardCardMarkup } from './board-card-markup';

const HOSTILE = `<img src=x onerror="alert('x')"> & co`;

const card = (over: Partial<BoardCard> = {}): BoardCard => ({
  id: 7,
  title: 'We ontwikkelen een aanpak begrijpelijke communicatie',
  status: 'loopt',
  goalCode: '1.3.a-A',
  ownerUserName: 'Sem Bos',
  ownerOrganisationName: 'Heemskerk',
  municipalityName: null,
  deadlinePhrase: 'medio 2022',
  deadlineStart: '2022-05-01',
  deadlineEnd: '2022-08-31',
  overdue: false,
  mayMove: true,
  ...over,
});

const b = t.lists.board;

describe('a board card as markup', () => {
  it('offers the move form only to whoever may move the card', () => {
    const movable = boardCardMarkup(card(), 'loopt', '/bord');
    expect(movable).toContain('draggable="true"');
    expect(movable).toContain(`title="${b.dragHint}"`);
    expect(movable).toContain('<form method="post" action="/bord" class="board-card__move">');

    const readOnly = boardCardMarkup(card({ mayMove: false }), 'loopt', '/bord');
    expect(readOnly).toContain('draggable="false"');
    expect(readOnly).not.toContain('<form');
    expect(readOnly).not.toContain(b.dragHint);
  });

  it('selects the status of the column the card is drawn in, once', () => {
    // A card on its way to another column is drawn there before the reply comes.
    const markup = boardCardMarkup(card({ status: 'loopt' }), 'besluit_nodig', '/bord');
    expect(markup.match(/ selected=""/g)).toHaveLength(1);
    expect(markup).toContain('<option value="besluit_nodig" selected="">');
    for (const status of ACTION_STATUSES) expect(markup).toContain(`<option value="${status}"`);
  });

  it('labels the status menu with the card, and ties the menu to its label', () => {
    const markup = boardCardMarkup(card(), 'loopt', '/bord');
    expect(markup).toContain('<label for="kaart-7-status">');
    expect(markup).toContain('<select id="kaart-7-status" name="status">');
    expect(markup).toContain(`<span class="visually-hidden"> voor ${card().title}</span>`);
    expect(markup).toContain('aria-labelledby="kaart-7-title"');
    expect(markup).toContain('<h3 id="kaart-7-title" class="board-card__title">');
  });

  it('shows the trekker, the deadline, the overdue badge and the municipality only when there are', () => {
    const full = boardCardMarkup(card({ overdue: true, municipalityName: 'Velsen' }), 'loopt', '/bord');
    expect(full).toContain(`<dt>${b.owner}</dt><dd>Sem Bos, Heemskerk</dd>`);
    expect(full).toContain('class="board-card board-card--overdue"');
    expect(full).toContain(`<span class="badge-overdue">${t.tracker.overdue}</span>`);
    expect(full).toContain('medio 2022');
    expect(full).toContain(`<p class="scope-tag">${t.lists.list.local('Velsen')}</p>`);

    const bare = boardCardMarkup(card({ ownerUserName: null, ownerOrganisationName: null, deadlinePhrase: null }), 'loopt', '/bord');
    expect(bare).not.toContain(`<dt>${b.owner}</dt>`);
    expect(bare).not.toContain('badge-overdue');
    expect(bare).not.toContain('scope-tag');
    expect(bare).toContain(t.dates.noDeadline);
  });

  it('writes every text and the form address as text, never as markup', () => {
    const markup = boardCardMarkup(
      card({ title: HOSTILE, goalCode: HOSTILE, ownerUserName: HOSTILE, municipalityName: HOSTILE, deadlinePhrase: HOSTILE }),
      'loopt',
      `/bord?q="><script>`,
    );
    expect(markup).not.toContain('<img');
    expect(markup).not.toContain('<script');
    expect(markup).toContain('&lt;img src=x onerror=&quot;alert(&#x27;x&#x27;)&quot;&gt; &amp; co');
    expect(markup).toContain('action="/bord?q=&quot;&gt;&lt;script&gt;"');
  });
});

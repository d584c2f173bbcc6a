import { eq } from 'drizzle-orm';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';

import { MentionText } from '../../app/components/comments/mention-text';
import { createComment, listComments } from '../../app/models/comments/comment.server';
import { findMentions, mentionedNames, mentionQueryAt, nameMatchesQuery, splitMentions } from '../../app/models/comments/mention';
import { resolveMentionedUsers } from '../../app/models/comments/mention.server';
import { db } from '../../app/utils/db.server';
import { goals, users } from '../../db/schema';
import { prepareDatabase } from '../setup/database';

const NAMES = ['Jan', 'Jan de Boer', 'Anouk de Vries', 'Fatima El Amrani'];

describe('finding mentions in text', () => {
  it('matches full names case-insensitively, the longest name first', () => {
    expect(mentionedNames('Vraag aan @jan de boer en @Jan.', NAMES)).toEqual(['Jan de Boer', 'Jan']);
    expect(findMentions('@Anouk de Vries, kijk jij?', NAMES)).toEqual([{ start: 0, end: 15, name: 'Anouk de Vries' }]);
  });

  it('ignores e-mail addresses, names glued to letters, and unknown names', () => {
    expect(mentionedNames('mail jan@Jan de Boer.nl of @Janneke of @Onbekend', NAMES)).toEqual([]);
    expect(mentionedNames('(@Jan)', NAMES)).toEqual(['Jan']);
  });

  it('cuts text into plain parts and mentions', () => {
    expect(splitMentions('Hoi @Fatima El Amrani!', NAMES)).toEqual([
      { text: 'Hoi ', mention: false },
      { text: '@Fatima El Amrani', mention: true },
      { text: '!', mention: false },
    ]);
    expect(splitMentions('', NAMES)).toEqual([{ text: '', mention: false }]);
  });

  it('finds the name being typed at the caret', () => {
    expect(mentionQueryAt('Hoi @Ano', 8)).toEqual({ start: 4, query: 'Ano' });
    expect(mentionQueryAt('Hoi @Anouk de', 13)).toEqual({ start: 4, query: 'Anouk de' });
    expect(mentionQueryAt('mail a@b', 8)).toBeNull();
    expect(mentionQueryAt('@Ano\nverder', 11)).toBeNull();
    expect(mentionQueryAt('geen apenstaart', 5)).toBeNull();
  });

  it('suggests by the start of the name or of any word in it, accents ignored', () => {
    expect(nameMatchesQuery('Anouk de Vries', 'vri')).toBe(true);
    expect(nameMatchesQuery('Anouk de Vries', 'de v')).toBe(true);
    expect(nameMatchesQuery('Zoë Bakker', 'zoe')).toBe(true);
    expect(nameMatchesQuery('Anouk de Vries', 'nouk')).toBe(false);
  });
});

describe('mentions in stored comments', () => {
  let goalId: number;
  beforeAll(async () => {
    await prepareDatabase();
    goalId = db.select({ id: goals.id }).from(goals).where(eq(goals.code, '1.3.a-A')).get()!.id;
  });

  it('resolves to active people only, and lists the mentioned names with the comment', () => {
    const velsen = db.select().from(users).where(eq(users.email, 'werkgroep.velsen@koers.test')).get()!;
    const adviser = db.select().from(users).where(eq(users.email, 'adviseur@koers.test')).get()!;
    expect(resolveMentionedUsers(`Dank @${velsen.name}!`).map((u) => u.id)).toEqual([velsen.id]);

    const id = createComment({ authorId: adviser.id, targetType: 'goal', targetId: goalId, body: `Dank @${velsen.name}!` });
    const shown = listComments({ targetType: 'goal', targetId: goalId }).find((t) => t.id === id)!;
    expect(shown.mentions).toEqual([velsen.name]);
    expect(renderToStaticMarkup(createElement(MentionText, { text: shown.body, names: shown.mentions }))).toBe(
      `Dank <strong class="mention">@${velsen.name}</strong>!`,
    );

    db.update(users).set({ active: false }).where(eq(users.id, velsen.id)).run();
    try {
      expect(resolveMentionedUsers(`Dank @${velsen.name}!`)).toEqual([]);
      // Still shown as a mention: the comment meant that person.
      expect(listComments({ targetType: 'goal', targetId: goalId }).find((t) => t.id === id)!.mentions).toEqual([velsen.name]);
    } finally {
      db.update(users).set({ active: true }).where(eq(users.id, velsen.id)).run();
    }
  });
});

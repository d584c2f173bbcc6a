import { useState } from 'react';

import { periodClosing as p } from '../../i18n/nl/period-closing';
import { actionReference } from '../../models/meetings/action-choice';
import {
  ADD_EXCEPTION_INTENT,
  chapterFieldNames,
  CLOSING_PER_ACTION_MAX,
  closingFieldNames,
  EXCEPTION_FIELD,
  EXCEPTION_SEARCH_FIELD,
  INTENT_FIELD,
  removeExceptionIntent,
} from '../../models/periods/closing-fields';
import type { ClosingFormContent } from '../../models/periods/closing-form.server';
import type { OpenAction } from '../../models/periods/period.server';
import type { ClosingChoice } from '../../models/periods/period-rules';
import { ActionSearchField } from '../tracker/action-search-field';
import { ActionLegend, ClosingChoiceFieldset, ClosingPreview, sentChoice } from './closing-choice';

type Choices = Record<number, ClosingChoice | undefined>;

/**
 * A large agenda's closing form (decision 039): one choice per chapter for all its open
 * actions, and exceptions — actions found by code, #number or title, each with a choice
 * of its own. Adding or removing an exception is a submit the server answers with the
 * form again (values kept), so it works without JavaScript; with it, the field suggests
 * open actions as one types and the summary counts as choices are made. The page mounts it
 * anew when the exceptions change (its key), so the choices start again from what was sent.
 */
export function ClosingByChapter({
  content,
  exceptions,
  successorLabel,
  errors,
  values,
}: {
  content: Extract<ClosingFormContent, { mode: 'byChapter' }>;
  exceptions: OpenAction[];
  successorLabel: string | null;
  errors: Record<string, string>;
  values: Record<string, string>;
}) {
  const [chapterChoices, setChapterChoices] = useState<Choices>(() =>
    Object.fromEntries(content.chapters.map((ch) => [ch.themeId, sentChoice(values, chapterFieldNames(ch.themeId).choice)])),
  );
  const [exceptionChoices, setExceptionChoices] = useState<Choices>(() =>
    Object.fromEntries(exceptions.map((a) => [a.id, sentChoice(values, closingFieldNames(a.id).choice)])),
  );
  const counts = { meenemen: 0, niet_afgerond: 0 };
  for (const chapter of content.chapters) {
    const choice = chapterChoices[chapter.themeId];
    const excepted = exceptions.filter((a) => a.themeId === chapter.themeId).length;
    if (choice) counts[choice] += chapter.open - excepted;
  }
  for (const action of exceptions) {
    const choice = exceptionChoices[action.id];
    if (choice) counts[choice]++;
  }
  return (
    <>
      <p>{p.byChapterLead(content.period, content.open, CLOSING_PER_ACTION_MAX)}</p>
      <h2>{p.chaptersHeading}</h2>
      {content.chapters.map((chapter) => (
        <ClosingChoiceFieldset
          key={chapter.themeId}
          names={chapterFieldNames(chapter.themeId)}
          legend={<strong>{p.chapterLegend(chapter.code, chapter.title, chapter.open)}</strong>}
          successorLabel={successorLabel}
          choice={chapterChoices[chapter.themeId]}
          onChoose={(choice) => setChapterChoices((prev) => ({ ...prev, [chapter.themeId]: choice }))}
          reasonHint={p.chapterReasonHint}
          errors={errors}
          values={values}
        />
      ))}
      <section aria-labelledby="closing-exceptions-heading">
        <h2 id="closing-exceptions-heading">{p.exceptionsHeading}</h2>
        <p>{p.exceptionsIntro}</p>
        <ActionSearchField
          name={EXCEPTION_SEARCH_FIELD}
          label={p.exceptionSearch}
          hint={p.exceptionSearchHint(content.period)}
          suggestUrl={content.suggestUrl}
          shortList={null}
          value={values[EXCEPTION_SEARCH_FIELD] ?? ''}
          error={errors[EXCEPTION_SEARCH_FIELD]}
        />
        <div className="button-row">
          <button type="submit" name={INTENT_FIELD} value={ADD_EXCEPTION_INTENT} className="button button--secondary">
            {p.addException}
          </button>
        </div>
        <p>{exceptions.length === 0 ? p.noExceptions : p.exceptionCount(exceptions.length)}</p>
        {exceptions.map((action) => (
          <ClosingChoiceFieldset
            key={action.id}
            names={closingFieldNames(action.id)}
            legend={<ActionLegend action={action} note={`${actionReference(action)}, ${p.exceptionOf(action.themeCode)}`} />}
            successorLabel={successorLabel}
            choice={exceptionChoices[action.id]}
            onChoose={(choice) => setExceptionChoices((prev) => ({ ...prev, [action.id]: choice }))}
            errors={errors}
            values={values}
            after={
              <>
                <input type="hidden" name={EXCEPTION_FIELD} value={action.id} />
                <button
                  type="submit"
                  name={INTENT_FIELD}
                  value={removeExceptionIntent(action.id)}
                  className="button button--secondary button--small"
                  aria-label={p.removeException(action.title)}
                >
                  {p.removeExceptionShort}
                </button>
              </>
            }
          />
        ))}
      </section>
      <ClosingPreview
        carry={counts.meenemen}
        notFinished={counts.niet_afgerond}
        undecided={content.open - counts.meenemen - counts.niet_afgerond}
      />
    </>
  );
}

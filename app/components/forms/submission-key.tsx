import { useRouteLoaderData } from '@remix-run/react';
import { useId } from 'react';

/**
 * The hidden submission key of a create form (see app/models/submissions.server.ts): the
 * root loader's fresh random seed plus this form's place in the page. The seed is new on
 * every load of the page and after every submission (Remix reloads all loaders after an
 * action), so one rendering of a form has one key, and a double click sends it twice.
 * Server render and hydration agree on it (useId), and it works without JavaScript.
 */
export function SubmissionKeyField() {
  const seed = (useRouteLoaderData('root') as { formKeySeed?: string } | undefined)?.formKeySeed ?? '';
  const place = useId().replace(/[^A-Za-z0-9]/g, '');
  return seed ? <input type="hidden" name="submissionKey" value={`${seed}:${place}`} /> : null;
}

import { z } from 'zod';

import { t } from '../i18n';

const v = t.common.validation;

/**
 * Zod with Dutch messages for every check that has no message of its own, so no English
 * default ("Invalid input") can reach a page. Every schema imports `z` from here (not from
 * 'zod'), which installs the messages before any schema is built or parsed, in the server
 * and in the browser. Plain, user-facing wording rather than Zod's own Dutch locale, which
 * names types ("verwacht string").
 */
z.config({
  localeError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined || issue.input === null || issue.input === '' ? v.required : v.invalid;
      case 'invalid_value':
        return v.choose;
      case 'too_big': {
        const max = Number(issue.maximum);
        if (issue.origin === 'string') return v.tooLong(max);
        if (issue.origin === 'array' || issue.origin === 'set') return v.tooMany(max);
        return v.numberTooBig(max);
      }
      case 'too_small': {
        const min = Number(issue.minimum);
        if (issue.origin === 'string') return min <= 1 ? v.required : v.tooShort(min);
        if (issue.origin === 'array' || issue.origin === 'set') return v.tooFew(min);
        return v.numberTooSmall(min);
      }
      case 'not_multiple_of':
        return v.wholeNumber;
      case 'invalid_format':
        if (issue.format === 'email') return v.email;
        if (issue.format === 'url') return v.url;
        return v.invalid;
      default:
        return v.invalid;
    }
  },
});

export { z };

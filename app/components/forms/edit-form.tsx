import { Form, Link, useNavigation } from '@remix-run/react';
import type { ReactNode } from 'react';

import { t } from '../../i18n';
import type { FieldErrors } from '../../utils/forms';
import { FormErrorSummary } from './field';
import { SubmissionKeyField } from './submission-key';

/**
 * The form of a page that creates or edits one thing: the error summary when the server
 * sent it back (its form-wide message `_form` when there is one), the fields, then the
 * submit button (disabled while submitting) and a cancel link. A plain POST, so it works
 * without JavaScript; `encType` multipart for a form with a file field.
 */
export function EditForm({
  errors,
  submitLabel,
  cancelTo,
  className = 'form',
  encType,
  children,
}: {
  errors: FieldErrors;
  submitLabel: string;
  cancelTo: string;
  className?: string;
  encType?: 'multipart/form-data';
  children: ReactNode;
}) {
  const submitting = useNavigation().state === 'submitting';
  return (
    <>
      <FormErrorSummary show={Object.keys(errors).length > 0} message={errors._form ?? t.common.errors.formHasErrors} />
      <Form method="post" encType={encType} className={className} noValidate>
        <SubmissionKeyField />
        {children}
        <div className="button-row">
          <button type="submit" className="button" disabled={submitting}>
            {submitLabel}
          </button>
          <Link to={cancelTo} className="button button--secondary">
            {t.common.cancel}
          </Link>
        </div>
      </Form>
    </>
  );
}

import { type ReactNode, useId } from 'react';

type FieldProps = {
  label: string;
  name: string;
  error?: string;
  hint?: ReactNode;
  /** Renders the control; receives the accessibility attributes to spread onto it. */
  children: (control: {
    id: string;
    name: string;
    'aria-invalid': boolean | undefined;
    'aria-describedby': string | undefined;
  }) => ReactNode;
};

/** The ids of a control's hint and error, and its aria-describedby that names them. */
function useDescription(hint: ReactNode, error: string | undefined) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { id, hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

/** The hint, then the error, of a field or a group of fields. */
function HintAndError({ hint, hintId, error, errorId }: { hint: ReactNode; hintId?: string; error?: string; errorId?: string }) {
  return (
    <>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      ) : null}
    </>
  );
}

/** A labelled form control with its hint and error beside it, wired for screen readers. */
export function Field({ label, name, error, hint, children }: FieldProps) {
  const { id, hintId, errorId, describedBy } = useDescription(hint, error);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <HintAndError hint={hint} hintId={hintId} error={error} errorId={errorId} />
      {children({ id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
    </div>
  );
}

/**
 * A group of controls (checkboxes, repeated rows) under one legend, with the group's hint
 * and error beside it, wired to the fieldset for screen readers — Field for a group.
 */
export function FieldGroup({
  legend,
  hint,
  error,
  className,
  children,
}: {
  legend: string;
  hint?: ReactNode;
  error?: string;
  className: string;
  children: ReactNode;
}) {
  const { hintId, errorId, describedBy } = useDescription(hint, error);
  return (
    <fieldset className={className} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      <HintAndError hint={hint} hintId={hintId} error={error} errorId={errorId} />
      {children}
    </fieldset>
  );
}

/** Shown above a form that came back with errors. */
export function FormErrorSummary({ show, message }: { show: boolean; message: string }) {
  if (!show) return null;
  return (
    <div className="form-error" role="alert">
      {message}
    </div>
  );
}

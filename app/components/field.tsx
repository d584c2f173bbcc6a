import { useId, type ReactNode } from 'react';

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

/** A labelled form control with its hint and error beside it, wired for screen readers. */
export function Field({ label, name, error, hint, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
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
      {children({ id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
    </div>
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

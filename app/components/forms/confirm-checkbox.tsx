/**
 * "Ik bevestig …": a required tick before an action that cannot be undone (publishing
 * minutes, renewing a calendar address). The server checks it too; its message shows
 * above the box.
 */
export function ConfirmCheckbox({
  id,
  name,
  label,
  error,
  className,
}: {
  id: string;
  name: string;
  label: string;
  error?: string;
  className?: string;
}) {
  const errorId = `${id}-fout`;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      {error ? (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      ) : null}
      <input
        type="checkbox"
        id={id}
        name={name}
        value="ja"
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

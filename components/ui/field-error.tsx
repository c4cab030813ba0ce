/**
 * The error line under one field. Always rendered (empty when valid) so the `aria-live` region exists before
 * the message appears and screen readers announce it.
 */
export function FieldError({ id, message }: { id: string; message: string | null | undefined }) {
  return (
    <p id={id} aria-live="polite" className="min-h-5 text-sm text-red-800">
      {message}
    </p>
  );
}

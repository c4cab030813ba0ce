import { CircleAlert } from 'lucide-react';

/**
 * The error line under one field: red, with an icon so it is not told apart by colour alone. Always rendered
 * (empty when valid) so the `aria-live` region exists before the message appears and screen readers announce it.
 */
export function FieldError({ id, message }: { id: string; message: string | null | undefined }) {
  return (
    <p id={id} aria-live="polite" className="min-h-5 text-sm text-red-800" data-field-error="">
      {message && (
        <span className="inline-flex items-start gap-1">
          <CircleAlert className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          {message}
        </span>
      )}
    </p>
  );
}

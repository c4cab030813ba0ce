import type { ReactNode } from 'react';
import { FieldError } from './field-error';
import { Label } from './label';

/** What a field's control needs to be tied to its label, hint and error. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string;
}

/**
 * One labelled field: the label, the control, a neutral hint under it (what to type, shown before anything is
 * typed; under the control so side-by-side fields' inputs line up) and the error line (red, with an icon,
 * announced). The hint stays when an error shows, so the person still sees what is expected.
 */
export function FormField({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="space-y-1">
      <Label htmlFor={id}>{label}</Label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': hint ? `${hintId} ${errorId}` : errorId,
      })}
      {hint && (
        <p id={hintId} className="text-xs text-slate-700" data-field-hint="">
          {hint}
        </p>
      )}
      <FieldError id={errorId} message={error} />
    </div>
  );
}

import type { ReactNode } from 'react';
import { PreflightResult } from '@/components/common/preflight-result';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import type { ActionResult } from '@/lib/auth/safe-action';
import type { PreflightResult as PreflightResultView, WriteOutcome } from '@/lib/routing/types';
import { WriteOutcomeAlert } from './write-outcome-alert';

/** The latest thing the override form did: a save (write outcome) or a *Test callback* (preflight). */
export type Shown<T> =
  | { type: 'save'; result: ActionResult<WriteOutcome<T>> }
  | { type: 'test'; result: ActionResult<PreflightResultView> };

const FORM_FIELDS: readonly string[] = ['overrideCallbackUri', 'verifyToken', 'receiverId'];

interface OverrideFormResultProps<T> {
  shown: Shown<T>;
  noun: string;
  successTitle: string;
  describeAfter: (after: T) => ReactNode;
  subscribeAction?: ReactNode;
}

export function OverrideFormResult<T>({ shown, ...props }: OverrideFormResultProps<T>) {
  if (!shown.result.ok) {
    const { error, fieldErrors } = shown.result;
    // Errors on fields this form does not show (a bad id, say) are listed here rather than lost.
    const others = Object.entries(fieldErrors ?? {}).filter(([key]) => !FORM_FIELDS.includes(key));
    return (
      <Alert variant="destructive">
        <AlertTitle>{fieldErrors ? 'Nothing was sent: some fields need attention' : error}</AlertTitle>
        {fieldErrors && (
          <AlertDescription>
            {others.length === 0 && <p>Fix the fields marked above, then try again.</p>}
            {others.map(([key, messages]) => (
              <p key={key}>{messages.join(' ')}</p>
            ))}
          </AlertDescription>
        )}
      </Alert>
    );
  }
  if (shown.type === 'test') return <PreflightResult result={shown.result.data} />;
  return (
    <WriteOutcomeAlert
      outcome={shown.result.data}
      successTitle={props.successTitle}
      noun={props.noun}
      describeAfter={props.describeAfter}
      subscribeAction={props.subscribeAction}
    />
  );
}

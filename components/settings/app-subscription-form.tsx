'use client';

import { type FormEvent, useRef, useState } from 'react';
import { type OverrideFieldErrors, OverrideFields } from '@/components/overrides/override-fields';
import { OverrideFormResult, type Shown } from '@/components/overrides/override-form-result';
import { SaveAndTestButtons } from '@/components/overrides/save-and-test-buttons';
import type { TestCallbackAction } from '@/components/overrides/types';
import { WriteOutcomeAlert } from '@/components/overrides/write-outcome-alert';
import { useActionForm } from '@/components/ui/use-action-form';
import { appSubscriptionValue } from '@/lib/routing/app-subscription-value';
import type { AppSubscriptionView } from '@/lib/routing/types';
import { setAppSubscriptionInputSchema, WEBHOOK_FIELDS, type WebhookField } from '@/lib/routing/validation';
import { describeAppSubscription, describeAppSubscriptionValue } from './describe-app-subscription';
import type { SetAppSubscriptionAction } from './types';
import { useAppTierWrite } from './use-app-tier-write';
import { WebhookFieldPicker } from './webhook-field-picker';

interface AppSubscriptionFormProps {
  current: AppSubscriptionView | null;
  allowLoopback: boolean;
  save: SetAppSubscriptionAction;
  testCallback: TestCallbackAction;
}

type Errors = OverrideFieldErrors & { fields?: string };
const ID = 'app-subscription';

/**
 * Change the app callback URL, verify token and fields: the override form's fields, checks and results, plus
 * the field list. The server action runs the same flow as overrides: stale check, preflight, write, read-back.
 */
export function AppSubscriptionForm({
  current,
  allowLoopback,
  save,
  testCallback,
}: AppSubscriptionFormProps) {
  const [url, setUrl] = useState(current?.callbackUrl ?? '');
  const [token, setToken] = useState('');
  const [fields, setFields] = useState<WebhookField[]>(() => initialFields(current));
  const [errors, setErrors] = useState<Errors>({});
  const [expected, setExpected] = useState(appSubscriptionValue(current) ?? '');
  const [shown, setShown] = useState<Shown<AppSubscriptionView | null> | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const write = useAppTierWrite(save);
  const test = useActionForm(testCallback, { resetOnSuccess: false });
  const pending = write.pending || test.pending;

  function validate(): boolean {
    const parsed = setAppSubscriptionInputSchema(allowLoopback).safeParse({
      callbackUrl: url,
      verifyToken: token,
      fields,
      expected,
    });
    const found = errorsFrom(
      Object.fromEntries((parsed.error?.issues ?? []).map((i) => [String(i.path[0]), [i.message]])),
    );
    setErrors(found);
    if (!parsed.success) {
      const first = found.overrideCallbackUri ? 'url' : found.verifyToken ? 'token' : null;
      if (first) formRef.current?.querySelector<HTMLInputElement>(`#${ID}-${first}`)?.focus();
    }
    return parsed.success;
  }

  function show(next: Shown<AppSubscriptionView | null>) {
    setShown(next);
    // One place: the action wrapper returns a service's field refusal as `{ ok: false, fieldErrors }` too.
    const fe = next.result.ok ? undefined : next.result.fieldErrors;
    if (fe) setErrors(errorsFrom(fe));
    requestAnimationFrame(() => resultRef.current?.focus());
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!validate()) return;
    const result = await write.run({ callbackUrl: url, verifyToken: token, fields, expected });
    if (result.ok) {
      const outcome = result.data;
      if (outcome.kind === 'applied' || outcome.kind === 'mismatch') {
        setExpected(appSubscriptionValue(outcome.after) ?? '');
        setToken('');
      } else if (outcome.kind === 'unverified') {
        // Graph took the write; what it now holds is, most likely, what was asked for.
        setExpected(outcome.requested ?? '');
        setToken('');
      } else if (outcome.kind === 'stale') {
        setExpected(outcome.current ?? '');
      }
    }
    show({ type: 'save', result });
  }

  async function onTest() {
    if (!validate()) return;
    show({ type: 'test', result: await test.run({ overrideCallbackUri: url, verifyToken: token }) });
  }

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={onSubmit}
      className="space-y-3"
      aria-label="Set the app callback"
    >
      <fieldset disabled={pending} className="space-y-3">
        <OverrideFields
          idPrefix={ID}
          url={url}
          token={token}
          errors={errors}
          allowLoopback={allowLoopback}
          onChange={(field, value) => (field === 'overrideCallbackUri' ? setUrl(value) : setToken(value))}
        />
        <WebhookFieldPicker idPrefix={ID} selected={fields} error={errors.fields} onChange={setFields} />
        <SaveAndTestButtons
          submitLabel="Save app callback"
          savePending={write.pending}
          testPending={test.pending}
          onTest={onTest}
        />
      </fieldset>
      <div
        ref={resultRef}
        tabIndex={-1}
        className="space-y-2 focus:outline-none"
        data-testid={`${ID}-result`}
      >
        {shown?.type === 'save' && shown.result.ok ? (
          <WriteOutcomeAlert
            outcome={shown.result.data}
            successTitle="App callback saved"
            noun="app subscription"
            describeAfter={describeAppSubscription}
            describeValue={describeAppSubscriptionValue}
          />
        ) : (
          shown && (
            <OverrideFormResult
              shown={shown}
              noun="app subscription"
              successTitle="App callback saved"
              describeAfter={describeAppSubscription}
            />
          )
        )}
      </div>
    </form>
  );
}

/** Server and schema errors use the tier's own names (`callbackUrl`); the shared URL input uses the override's. */
function errorsFrom(fieldErrors: Record<string, string[] | undefined>): Errors {
  return {
    overrideCallbackUri: fieldErrors.callbackUrl?.[0],
    verifyToken: fieldErrors.verifyToken?.[0],
    fields: fieldErrors.fields?.[0],
  };
}

/** The fields Graph reports (those this console knows), or `messages` for a new subscription. */
function initialFields(current: AppSubscriptionView | null): WebhookField[] {
  const known = (current?.fields ?? []).filter((f): f is WebhookField =>
    (WEBHOOK_FIELDS as readonly string[]).includes(f),
  );
  return known.length ? known : ['messages'];
}

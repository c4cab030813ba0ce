'use client';

import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { ReceiverLabel } from '@/components/receivers/receiver-choices';
import { ReceiverPicker } from '@/components/receivers/receiver-picker';
import { CallbackUrl } from '@/components/routing/callback-url';
import { useActionForm } from '@/components/ui/use-action-form';
import type { RoutingScope } from '@/lib/query/invalidate';
import { overrideInputSchema, receiverIdSchema } from '@/lib/routing/validation';
import { type OverrideFieldErrors, type OverrideFieldName, OverrideFields } from './override-fields';
import { OverrideFormResult, type Shown } from './override-form-result';
import { type OverrideTarget, OverrideTargetChoice } from './override-target-choice';
import { SaveAndTestButtons } from './save-and-test-buttons';
import type { TestCallbackAction, WriteAction } from './types';
import { useRoutingWrite } from './use-routing-write';

export interface OverrideFormProps<T> {
  idPrefix: string;
  /** "phone number override" / "WABA override". */
  noun: string;
  scope: RoutingScope;
  /** Hidden inputs naming the target, e.g. `{ phoneNumberId }`. */
  target: Record<string, string>;
  /** The override as this page read it: sent back as `expected` so a changed value is never overwritten. */
  current: string | null;
  allowLoopback: boolean;
  canTest: boolean;
  submitLabel: string;
  successTitle: string;
  save: WriteAction<FormData, T>;
  testCallback: TestCallbackAction;
  describeAfter: (after: T) => ReactNode;
  /** The override Graph reports in a read-back, which becomes the new `expected`. */
  reportedOverride: (after: T) => string | null;
  subscribeAction?: ReactNode;
}

/** Field errors, including the receiver choice. */
type FormErrors = OverrideFieldErrors & { receiverId?: string };

export function OverrideForm<T>(props: OverrideFormProps<T>) {
  const { idPrefix, noun, scope, target, allowLoopback, canTest } = props;
  const [sendTo, setSendTo] = useState<OverrideTarget>('custom');
  const [receiverId, setReceiverId] = useState('');
  const [values, setValues] = useState({ overrideCallbackUri: '', verifyToken: '' });
  const [errors, setErrors] = useState<FormErrors>({});
  const [attempted, setAttempted] = useState(false);
  const [expected, setExpected] = useState(props.current ?? '');
  const [shown, setShown] = useState<Shown<T> | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const save = useRoutingWrite(props.save, scope);
  const test = useActionForm(props.testCallback, { resetOnSuccess: false });
  const pending = save.pending || test.pending;

  function validate(next = values): boolean {
    if (sendTo === 'receiver') {
      const parsed = receiverIdSchema.safeParse(receiverId);
      setErrors({ receiverId: parsed.error?.issues[0]?.message });
      if (!parsed.success) formRef.current?.querySelector<HTMLElement>(`#${idPrefix}-receiver`)?.focus();
      return parsed.success;
    }
    const parsed = overrideInputSchema(allowLoopback).safeParse(next);
    const found: OverrideFieldErrors = {};
    for (const issue of parsed.error?.issues ?? []) {
      const field = issue.path[0] as OverrideFieldName;
      found[field] ??= issue.message;
    }
    setErrors(found);
    if (!parsed.success) {
      const first = found.overrideCallbackUri ? 'url' : 'token';
      formRef.current?.querySelector<HTMLInputElement>(`#${idPrefix}-${first}`)?.focus();
    }
    return parsed.success;
  }

  function onChange(field: OverrideFieldName, value: string) {
    const next = { ...values, [field]: value };
    setValues(next);
    // Re-check as the user types only once they have tried to submit: no red text while typing the first time.
    if (attempted) {
      const parsed = overrideInputSchema(allowLoopback).safeParse(next);
      const issue = parsed.error?.issues.find((i) => i.path[0] === field);
      setErrors((prev) => ({ ...prev, [field]: issue?.message }));
    }
  }

  function onReceiverChange(id: string) {
    setReceiverId(id);
    if (attempted) setErrors({ receiverId: receiverIdSchema.safeParse(id).error?.issues[0]?.message });
  }

  function onTargetChange(next: OverrideTarget) {
    setSendTo(next);
    setErrors({});
  }

  function show(next: Shown<T>) {
    setShown(next);
    // One place: the action wrapper returns a service's field refusal as `{ ok: false, fieldErrors }` too.
    const fe = next.result.ok ? undefined : next.result.fieldErrors;
    if (fe) {
      setErrors({
        overrideCallbackUri: fe.overrideCallbackUri?.[0],
        verifyToken: fe.verifyToken?.[0],
        receiverId: fe.receiverId?.[0],
      });
    }
    // The submit button was disabled while pending and lost focus; put it on the result, which is read out.
    requestAnimationFrame(() => resultRef.current?.focus());
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempted(true);
    if (!validate()) return;
    const result = await save.run(new FormData(event.currentTarget));
    if (result.ok) {
      const outcome = result.data;
      if (outcome.kind === 'applied' || outcome.kind === 'mismatch') {
        setExpected(props.reportedOverride(outcome.after) ?? '');
        setValues((v) => ({ ...v, verifyToken: '' }));
      } else if (outcome.kind === 'unverified') {
        // Graph took the write; what it now holds is, most likely, what was asked for.
        setExpected(outcome.requested ?? '');
        setValues((v) => ({ ...v, verifyToken: '' }));
      } else if (outcome.kind === 'stale') {
        setExpected(outcome.current ?? '');
      }
    }
    show({ type: 'save', result });
  }

  async function onTest() {
    setAttempted(true);
    if (!validate()) return;
    const input = sendTo === 'receiver' ? { target: 'receiver' as const, receiverId } : values;
    show({ type: 'test', result: await test.run(input) });
  }

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-3" aria-label={`Set ${noun}`}>
      <p className="text-sm text-slate-800">
        Current {noun}: <CallbackUrl url={expected} empty="none" /> <ReceiverLabel url={expected} />
      </p>
      {/* Outside the fieldset: a disabled fieldset would drop them from the form data. */}
      {Object.entries(target).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="expected" value={expected} />
      <fieldset disabled={pending} className="space-y-3">
        <OverrideTargetChoice idPrefix={idPrefix} value={sendTo} onChange={onTargetChange} />
        {sendTo === 'receiver' ? (
          <ReceiverPicker
            id={`${idPrefix}-receiver`}
            value={receiverId}
            error={errors.receiverId}
            onChange={onReceiverChange}
          />
        ) : (
          <OverrideFields
            idPrefix={idPrefix}
            url={values.overrideCallbackUri}
            token={values.verifyToken}
            errors={errors}
            allowLoopback={allowLoopback}
            onChange={onChange}
          />
        )}
        <SaveAndTestButtons
          submitLabel={props.submitLabel}
          savePending={save.pending}
          testPending={test.pending}
          onTest={canTest ? onTest : undefined}
        />
      </fieldset>
      <div
        ref={resultRef}
        tabIndex={-1}
        className="space-y-2 focus:outline-none"
        data-testid={`${idPrefix}-result`}
      >
        {shown && (
          <OverrideFormResult
            shown={shown}
            noun={props.noun}
            successTitle={props.successTitle}
            describeAfter={props.describeAfter}
            subscribeAction={props.subscribeAction}
          />
        )}
      </div>
    </form>
  );
}

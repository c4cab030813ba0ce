'use client';

import { useActionState, useEffect, useRef } from 'react';
import type { ActionResult } from '@/lib/auth/safe-action';

/**
 * The one way a form calls a server action: `useActionState` around the action, the latest result, whether it
 * is pending, each field's first error (from the action wrapper's `fieldErrors`, the one place they come back),
 * and the form cleared after a success so secrets typed into it do not linger.
 */
export function useActionForm<T>(
  action: (form: FormData) => Promise<ActionResult<T>>,
  { resetOnSuccess = true }: { resetOnSuccess?: boolean } = {},
) {
  const [state, formAction, pending] = useActionState<ActionResult<T> | null, FormData>(
    (_prev, form) => action(form),
    null,
  );
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (resetOnSuccess && state?.ok) formRef.current?.reset();
  }, [state, resetOnSuccess]);

  const fieldError = (name: string): string | undefined =>
    state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined;

  return { state, formAction, pending, formRef, fieldError };
}

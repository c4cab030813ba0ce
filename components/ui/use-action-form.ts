'use client';

import { startTransition, useActionState, useEffect, useRef } from 'react';
import type { ActionResult } from '@/lib/auth/safe-action';

interface Call<I, T> {
  input: I;
  /** Resolves `run`'s promise once the result (and `after`) is in. */
  settle?: (result: ActionResult<T>) => void;
}

export interface ActionFormOptions<I, T> {
  /** Clear the form after a success so secrets typed into it do not linger. */
  resetOnSuccess?: boolean;
  /**
   * Runs after the action answers and before the result shows, still counted as pending: refresh the TanStack
   * Query keys and server-rendered parts the write may have changed, or navigate away.
   */
  after?: (result: ActionResult<T>, input: I) => unknown;
}

/**
 * The one way the console calls a server action, from a form or a button: `useActionState` around the action,
 * the latest result, whether it is pending, each field's first error (from the action wrapper's `fieldErrors`,
 * the one place they come back), and the form cleared after a success.
 *
 * `formAction` goes on `<form action>`; `run(input)` is for a button, a confirmation or an `onSubmit` that checks
 * fields first, and resolves with the result so the caller can move focus or follow up.
 */
export function useActionForm<T, I = FormData>(
  action: (input: I) => Promise<ActionResult<T>>,
  { resetOnSuccess = true, after }: ActionFormOptions<I, T> = {},
) {
  const [state, dispatch, pending] = useActionState<ActionResult<T> | null, Call<I, T>>(
    async (_prev, { input, settle }) => {
      const result = await action(input);
      await after?.(result, input);
      settle?.(result);
      return result;
    },
    null,
  );
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (resetOnSuccess && state?.ok) formRef.current?.reset();
  }, [state, resetOnSuccess]);

  const formAction = (input: I) => dispatch({ input });

  const run = (input: I) =>
    new Promise<ActionResult<T>>((settle) => startTransition(() => dispatch({ input, settle })));

  const fieldError = (name: string): string | undefined =>
    state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined;

  return { state, formAction, run, pending, formRef, fieldError };
}

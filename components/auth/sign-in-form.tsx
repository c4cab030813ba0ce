'use client';

import { signIn } from 'next-auth/react';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { PendingLabel } from '@/components/common/pending-label';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { useActionForm } from '@/components/ui/use-action-form';
import type { ActionResult } from '@/lib/auth/safe-action';
import { type DemoAccount, DemoAccounts } from './demo-accounts';
import { signInErrorMessage } from './sign-in-errors';

interface SignInFormProps {
  /** Already reduced to a same-site path by the page. */
  callbackUrl: string;
  initialError: string | null;
  sso: { label: string } | null;
  demoAccounts: DemoAccount[] | null;
}

export function SignInForm({ callbackUrl, initialError, sso, demoAccounts }: SignInFormProps) {
  // Until React has hydrated, a click would submit the bare form; keep the buttons off until then.
  const [ready, setReady] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const ids = { email: useId(), password: useId(), error: useId() };
  const password = useActionForm(
    async (form: FormData): Promise<ActionResult<null>> => {
      const result = await signIn('credentials', {
        redirect: false,
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
        callbackUrl,
      });
      if (result?.ok && !result.error) {
        // A full load: the console renders fresh for the new session. Stays pending until the page goes.
        window.location.assign(callbackUrl);
        return new Promise<never>(() => {});
      }
      return {
        ok: false,
        error: signInErrorMessage(result?.error ?? 'Unknown') ?? 'Sign-in did not complete. Try again.',
      };
    },
    { resetOnSuccess: false, after: (result) => !result.ok && passwordRef.current?.select() },
  );
  const ssoSignIn = useActionForm<null, void>(
    async () => {
      await signIn('oidc', { callbackUrl });
      return { ok: true, data: null };
    },
    { resetOnSuccess: false },
  );
  const pending = password.pending || ssoSignIn.pending;
  // The page's error (e.g. a failed SSO round trip) shows until the next attempt answers.
  const error =
    password.state && !password.state.ok ? password.state.error : password.state ? null : initialError;

  useEffect(() => setReady(true), []);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // `run`, not `<form action>`: React would clear the fields after an action, losing the email on a typo.
    void password.run(new FormData(event.currentTarget));
  }

  return (
    <div className="space-y-5">
      <div id={ids.error} aria-live="assertive" aria-atomic="true">
        {error && (
          <Alert variant="destructive" data-testid="sign-in-error">
            <p>{error}</p>
          </Alert>
        )}
      </div>
      <form
        method="post"
        onSubmit={onSubmit}
        className="space-y-4"
        aria-describedby={error ? ids.error : undefined}
      >
        <div className="space-y-1.5">
          <Label htmlFor={ids.email}>Email</Label>
          <Input
            ref={emailRef}
            id={ids.email}
            name="email"
            type="email"
            autoComplete="username"
            required
            autoFocus
            aria-invalid={error ? true : undefined}
          />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor={ids.password}>Password</Label>
          <Input
            ref={passwordRef}
            id={ids.password}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={error ? true : undefined}
          />
        </div>
        <Button type="submit" className="w-full" disabled={!ready || pending}>
          <PendingLabel pending={password.pending} idle="Sign in" busy="Signing in…" />
        </Button>
      </form>
      {sso && (
        <div className="space-y-3">
          <p className="flex items-center gap-3 text-xs uppercase tracking-wide text-slate-600">
            <span className="h-px flex-1 bg-slate-300" />
            or
            <span className="h-px flex-1 bg-slate-300" />
          </p>
          <Button
            variant="outline"
            className="w-full"
            disabled={!ready || pending}
            onClick={() => void ssoSignIn.run()}
          >
            <PendingLabel
              pending={ssoSignIn.pending}
              idle={`Continue with ${sso.label}`}
              busy="Redirecting…"
            />
          </Button>
        </div>
      )}
      {demoAccounts && (
        <DemoAccounts
          accounts={demoAccounts}
          onUse={(account) => {
            if (emailRef.current) emailRef.current.value = account.email;
            if (passwordRef.current) passwordRef.current.value = account.password;
            passwordRef.current?.focus();
          }}
        />
      )}
    </div>
  );
}

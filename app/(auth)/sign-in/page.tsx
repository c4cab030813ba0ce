import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { signInErrorMessage } from '@/components/auth/sign-in-errors';
import { SignInForm } from '@/components/auth/sign-in-form';
import { safeCallbackFromUrl, safeCallbackPath } from '@/lib/auth/callback-path';
import { DEMO_USERS } from '@/lib/auth/demo-users';
import { isSsoConfigured, ssoButtonLabel } from '@/lib/auth/options';
import { getCurrentUser } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';

export const metadata: Metadata = { title: 'Sign in' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A same-site path from `callbackUrl`, which next-auth may also hand over as an absolute URL of this site. */
function callbackPath(raw: string | undefined): string {
  if (!raw) return '/';
  const own = getConfig().NEXTAUTH_URL;
  return own ? safeCallbackFromUrl(raw, new URL(own).origin) : safeCallbackPath(raw);
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = callbackPath(first(params.callbackUrl));
  if (await getCurrentUser()) redirect(callbackUrl);
  const demo = getConfig().SWITCHBOARD_DEMO;
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold tracking-tight">Sign in to Switchboard</h1>
      <p className="mb-5 text-sm text-slate-700">Where every WhatsApp number sends its webhooks.</p>
      <SignInForm
        callbackUrl={callbackUrl}
        initialError={signInErrorMessage(first(params.error))}
        sso={isSsoConfigured() ? { label: ssoButtonLabel() } : null}
        demoAccounts={
          demo ? DEMO_USERS.map(({ role, email, password }) => ({ role, email, password })) : null
        }
      />
    </>
  );
}

'use client';

import { useState } from 'react';
import { PendingLabel } from '@/components/common/pending-label';
import { buttonVariants } from '@/components/ui/button-variants';

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    // A plain <button> with Button's styles: `Button` would bring tailwind-merge into every page's header.
    <button
      type="button"
      className={buttonVariants({ variant: 'outline', size: 'sm' })}
      disabled={pending}
      onClick={() => {
        setPending(true);
        // next-auth would send the browser to NEXTAUTH_URL's origin, which may not be the one in use
        // (localhost vs 127.0.0.1), where this session's cookie does not exist: stay on this origin.
        // next-auth's browser client loads on the click: the header is on every page, signing out is rare.
        void import('next-auth/react')
          .then(({ signOut }) => signOut({ redirect: false }))
          .then(() => window.location.assign('/sign-in'));
      }}
    >
      <PendingLabel pending={pending} idle="Sign out" busy="Signing out…" />
    </button>
  );
}

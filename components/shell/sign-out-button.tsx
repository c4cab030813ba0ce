'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { PendingLabel } from '@/components/common/pending-label';
import { Button } from '@/components/ui/button';

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="outline"
      size="sm"
      disabled={pending}
      onClick={() => {
        setPending(true);
        // next-auth would send the browser to NEXTAUTH_URL's origin, which may not be the one in use
        // (localhost vs 127.0.0.1), where this session's cookie does not exist: stay on this origin.
        void signOut({ redirect: false }).then(() => window.location.assign('/sign-in'));
      }}
    >
      <PendingLabel pending={pending} idle="Sign out" busy="Signing out…" />
    </Button>
  );
}

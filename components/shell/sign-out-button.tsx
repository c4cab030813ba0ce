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
        void signOut({ callbackUrl: '/sign-in' });
      }}
    >
      <PendingLabel pending={pending} idle="Sign out" busy="Signing out…" />
    </Button>
  );
}

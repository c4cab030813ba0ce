import Link from 'next/link';
import type { SessionUser } from '@/lib/auth/session';
import { NarrowMenu } from './narrow-menu';
import { type NavItem, NavLinks } from './nav-links';
import { SignOutButton } from './sign-out-button';

const ROLE_LABELS: Record<SessionUser['role'], string> = {
  viewer: 'Viewer',
  operator: 'Operator',
  admin: 'Admin',
};

/** `testId` on one copy only: both are in the DOM, one hidden by the breakpoint. */
function SignedInAs({ user, testId }: { user: SessionUser; testId?: string }) {
  return (
    <p className="min-w-0 break-words">
      <span className="sr-only">Signed in as </span>
      <span className="font-medium">{user.name ?? user.email}</span>
      {user.name && <span className="ml-1 text-slate-300">({user.email})</span>}
      <span className="ml-2 rounded-full bg-slate-700 px-2 py-0.5 text-xs font-medium" data-testid={testId}>
        <span className="sr-only">Role: </span>
        {ROLE_LABELS[user.role]}
      </span>
    </p>
  );
}

/** Links, person and Sign out in one row from md up; behind a Menu button below it (NarrowMenu). */
export function ConsoleHeader({ user, items }: { user: SessionUser; items: NavItem[] }) {
  return (
    <header className="relative bg-slate-900 text-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight focus-visible:outline-white">
          Switchboard
        </Link>
        <nav aria-label="Main" className="hidden flex-1 md:block">
          <NavLinks items={items} />
        </nav>
        <div className="hidden items-center gap-3 text-sm md:flex">
          <SignedInAs user={user} testId="user-role" />
          <SignOutButton />
        </div>
        <NarrowMenu>
          <nav aria-label="Main">
            <NavLinks items={items} />
          </nav>
          <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-700 pt-3 text-sm">
            <SignedInAs user={user} />
            <SignOutButton />
          </div>
        </NarrowMenu>
      </div>
    </header>
  );
}

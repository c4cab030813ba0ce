import Link from 'next/link';
import type { SessionUser } from '@/lib/auth/session';
import { type NavItem, NavLinks } from './nav-links';
import { SignOutButton } from './sign-out-button';

const ROLE_LABELS: Record<SessionUser['role'], string> = {
  viewer: 'Viewer',
  operator: 'Operator',
  admin: 'Admin',
};

export function ConsoleHeader({ user, items }: { user: SessionUser; items: NavItem[] }) {
  return (
    <header className="bg-slate-900 text-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight focus-visible:outline-white">
          Switchboard
        </Link>
        <nav aria-label="Main" className="flex-1">
          <NavLinks items={items} />
        </nav>
        <div className="flex items-center gap-3 text-sm">
          <p>
            <span className="sr-only">Signed in as </span>
            <span className="font-medium">{user.name ?? user.email}</span>
            {user.name && <span className="ml-1 text-slate-300">({user.email})</span>}
            <span
              className="ml-2 rounded-full bg-slate-700 px-2 py-0.5 text-xs font-medium"
              data-testid="user-role"
            >
              <span className="sr-only">Role: </span>
              {ROLE_LABELS[user.role]}
            </span>
          </p>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}

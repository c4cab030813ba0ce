import type { ReactNode } from 'react';
import { ConsoleHeader } from '@/components/shell/console-header';
import type { NavItem } from '@/components/shell/nav-links';
import { SkipLink } from '@/components/shell/skip-link';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';

/** Every console page: signed-in users only (proxy.ts redirects early; this is the check that counts). */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const items: NavItem[] = [
    { href: '/', label: 'Overview' },
    { href: '/wabas', label: 'WABAs' },
    { href: '/audit', label: 'Audit' },
    { href: '/activity', label: 'Activity' },
    ...(can(user.role, 'deliveries.read') ? [{ href: '/receivers', label: 'Receivers' }] : []),
    ...(can(user.role, 'onprem.read') ? [{ href: '/on-premises', label: 'On-Premises' }] : []),
    ...(can(user.role, 'users.manage') ? [{ href: '/users', label: 'Users' }] : []),
    ...(can(user.role, 'settings.manage') ? [{ href: '/settings', label: 'Settings' }] : []),
  ];
  return (
    <>
      <SkipLink />
      <ConsoleHeader user={user} items={items} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 focus:outline-none">
        {children}
      </main>
    </>
  );
}

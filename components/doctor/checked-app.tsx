'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useActingApp } from '@/components/apps/acting-app';
import type { CheckedApp } from '@/lib/doctor/types';

/**
 * Which app the delivery check ran as (its token, its subscription, its overrides), and links that run it as
 * each other configured app (`?app=`, the page's acting app). Nothing with one app configured.
 */
export function CheckedAppLine({ app }: { app: CheckedApp }) {
  const { others = [] } = useActingApp();
  const pathname = usePathname();
  if (others.length === 0) return null;
  return (
    <p className="text-sm text-slate-800" data-testid="doctor-app" data-app-id={app.id}>
      Checked for <strong>{app.label}</strong> (app {app.id}), with its own token: Meta routes each app's copy
      by that app's tiers. Check for{' '}
      {others.map((other, i) => (
        <span key={other.id}>
          {i > 0 && ', '}
          <Link
            href={`${pathname}?app=${encodeURIComponent(other.id)}#delivery-check`}
            className="text-blue-800 underline underline-offset-2"
          >
            {other.label}
          </Link>
        </span>
      ))}
      .
    </p>
  );
}

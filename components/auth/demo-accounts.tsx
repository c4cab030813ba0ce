'use client';

import { Button } from '@/components/ui/button';

export interface DemoAccount {
  role: string;
  email: string;
  password: string;
}

/** Demo mode only: the seeded accounts, with a button that fills the form for each. */
export function DemoAccounts({
  accounts,
  onUse,
}: {
  accounts: DemoAccount[];
  onUse: (a: DemoAccount) => void;
}) {
  return (
    <section
      aria-labelledby="demo-accounts"
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm"
    >
      <h2 id="demo-accounts" className="font-semibold text-amber-950">
        Demo accounts
      </h2>
      <p className="mt-1 text-amber-950">This is a demo deployment. Sign in as any of these:</p>
      <ul className="mt-2 space-y-1.5">
        {accounts.map((account) => (
          <li key={account.email} className="flex flex-wrap items-center justify-between gap-2">
            <span>
              <span className="font-medium capitalize">{account.role}</span>{' '}
              <code className="text-xs">{account.email}</code> /{' '}
              <code className="text-xs">{account.password}</code>
            </span>
            <Button
              variant="outline"
              size="sm"
              onClick={() => onUse(account)}
              aria-label={`Fill in the ${account.role} demo account`}
            >
              Use
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}

import Link from 'next/link';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';

/** Shown instead of a page the signed-in role may not open. */
export function Forbidden({ what, role, needed }: { what: string; role: string; needed: string }) {
  return (
    <div className="max-w-xl space-y-4" data-testid="forbidden">
      <h1 className="text-2xl font-semibold tracking-tight">403 · Not allowed</h1>
      <Alert variant="warning">
        <AlertTitle>
          {what} needs the {needed} role.
        </AlertTitle>
        <AlertDescription>
          <p>You are signed in as a {role}. Ask an admin if you need access.</p>
        </AlertDescription>
      </Alert>
      <Link href="/" className="text-sm text-blue-800 underline underline-offset-2">
        Back to the overview
      </Link>
    </div>
  );
}

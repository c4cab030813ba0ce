import type { Metadata } from 'next';
import { PageHeader } from '@/components/common/page-header';
import { Card, CardContent } from '@/components/ui/card';
import { CreateUserForm } from '@/components/users/create-user-form';
import { UsersTable } from '@/components/users/users-table';
import { listUsers } from '@/lib/auth/manage-users';
import { requirePageAccess } from '@/lib/auth/page-access';
import { ROLE_OPTIONS, ROLE_SUMMARY } from '@/lib/auth/roles';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  // A real 403 (app/(console)/forbidden.tsx) rather than a refusal rendered with status 200.
  const user = await requirePageAccess('/users');
  const users = await listUsers();
  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in, and what their role lets them do. Changes apply at each person's next request."
      />
      <dl className="mb-4 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        {ROLE_OPTIONS.map((role) => (
          <div key={role} className="contents">
            <dt className="font-medium capitalize">{role}</dt>
            <dd className="text-slate-700">{ROLE_SUMMARY[role]}</dd>
          </div>
        ))}
      </dl>
      <div className="space-y-6">
        <Card>
          <CardContent className="pt-4">
            <CreateUserForm />
          </CardContent>
        </Card>
        <UsersTable users={users} currentUserId={user.id} />
      </div>
    </>
  );
}

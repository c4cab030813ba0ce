import { Timestamp } from '@/components/common/timestamp';
import { Badge } from '@/components/ui/badge';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table';
import type { PublicUser } from '@/lib/auth/manage-users';
import { UserRoleForm } from './user-role-form';
import { UserStatusButton } from './user-status-button';

const LAST_ADMIN = 'The last active admin keeps the admin role. Make someone else an admin first.';

export function UsersTable({ users, currentUserId }: { users: PublicUser[]; currentUserId: string }) {
  const activeAdmins = users.filter((u) => u.role === 'admin' && !u.disabled);
  const lastAdminId = activeAdmins.length === 1 ? activeAdmins[0]?.id : undefined;
  return (
    <Table data-testid="users-table">
      <TableCaption>Users</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>User</TableHead>
          <TableHead>Sign-in</TableHead>
          <TableHead>Role</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Since</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {users.map((u) => {
          const locked = u.id === lastAdminId ? LAST_ADMIN : undefined;
          return (
            <TableRow key={u.id} data-testid="user-row" data-email={u.email}>
              <TableCell>
                <p className="font-medium">
                  {u.email}
                  {u.id === currentUserId && <span className="ml-1 text-xs text-slate-700">(you)</span>}
                </p>
                {u.name && <p className="text-xs text-slate-700">{u.name}</p>}
              </TableCell>
              <TableCell className="text-xs">
                {[u.hasPassword && 'Password', u.externalId && 'Single sign-on']
                  .filter(Boolean)
                  .join(' · ') || '—'}
              </TableCell>
              <TableCell>
                <UserRoleForm userId={u.id} email={u.email} role={u.role} lockedReason={locked} />
              </TableCell>
              <TableCell>
                <div className="flex flex-wrap items-start gap-2">
                  <Badge variant={u.disabled ? 'danger' : 'success'}>
                    {u.disabled ? 'Disabled' : 'Active'}
                  </Badge>
                  <UserStatusButton
                    userId={u.id}
                    email={u.email}
                    disabled={u.disabled}
                    isSelf={u.id === currentUserId}
                    lockedReason={locked}
                  />
                </div>
              </TableCell>
              <TableCell className="whitespace-nowrap text-xs">
                <Timestamp iso={u.createdAt.toISOString()} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

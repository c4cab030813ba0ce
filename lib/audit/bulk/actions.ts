/** The bulk job actions, for validating a request: the database column's enum, reached through the audit domain. */
export { BULK_ACTIONS } from '@/lib/db/schema';

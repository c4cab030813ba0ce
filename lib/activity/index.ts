/**
 * The activity domain: reading the change log for /activity, a target's history and the CSV export. Pages,
 * routes and server components come here rather than to lib/db, which holds the SQL.
 */
import 'server-only';

export {
  type ActivityEntriesPage,
  type ActivityEntry,
  type ActivityJob,
  changesOfJob,
  queryActivityEntries,
} from '@/lib/db/change-log-entries';
export {
  CHANGE_TARGET_TYPES,
  type ChangeLogFieldErrors,
  type ChangeLogFilter,
  type ChangeLogPage,
  type ChangeTargetType,
  changeLogFacets,
  changeLogFilterErrors,
  filterQuery,
  latestChangesFor,
  parseChangeLogFilter,
  parsePage,
  queryChangeLog,
  walkChangeLog,
} from '@/lib/db/change-log-queries';

/**
 * Graph rate-limit usage shared across instances: the process's recorder (fed by the Graph clients' `onUsage`)
 * and the read other code calls (`latestUsage`). Server-only.
 */
import 'server-only';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { logger } from '@/lib/log';
import { createUsageRecorder, type UsageRecorder } from './recorder';
import { recordUsage } from './store';

export { figurePercent, type UsageFigure, usageFigures } from './figures';
export { createUsageRecorder, type UsageRecorder, type UsageRecorderOptions } from './recorder';
export { type LatestUsage, latestUsage, recentMaxPercent, recordUsage, type UsageFigureView } from './store';

// One recorder per server process (Next may load this module more than once).
const recorderKey = Symbol.for('switchboard.graphUsage.recorder');
type GlobalWithRecorder = typeof globalThis & { [recorderKey]?: UsageRecorder };

/** The recorder the app's Graph clients report to; writes to the process database for the configured app. */
export function processUsageRecorder(): UsageRecorder {
  const g = globalThis as GlobalWithRecorder;
  g[recorderKey] ??= createUsageRecorder({
    write: async (figures) => recordUsage(await getDb(), getConfig().META_APP_ID, figures),
    onError: (err) =>
      logger.warn({ err }, 'could not record Graph usage figures (the Graph call itself is unaffected)'),
  });
  return g[recorderKey];
}

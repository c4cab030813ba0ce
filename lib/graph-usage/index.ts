/**
 * Graph rate-limit usage shared across instances: the recorder the Graph clients' `onUsage` feeds (built once
 * per process in lib/server) and the reads other code calls (`latestUsage`). Server-only.
 */
import 'server-only';

export { figurePercent, type UsageFigure, usageFigures } from './figures';
export { createUsageRecorder, type UsageRecorder, type UsageRecorderOptions } from './recorder';
export { type LatestUsage, latestUsage, recentMaxPercent, recordUsage, type UsageFigureView } from './store';

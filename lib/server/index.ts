/**
 * The composition root: the one place the server builds its process-wide pieces (config, database, Graph
 * client with the usage recorder, fleet cache, keyring) and the contexts services take. Pages, route
 * handlers, actions and server components get their dependencies from here; domains never import it.
 */
import 'server-only';

export { getConfig } from '@/lib/config';
export {
  getApp,
  getAppRegistry,
  getAppTierContext,
  getAuditEnv,
  getBulkEnv,
  getFleetCache,
  getHookDeps,
  getKeyring,
  getOnpremContext,
  getReceiversContext,
  getRoutingContext,
  getRoutingContexts,
} from './contexts';
export { type Db, type DbHandle, getDb, getDbHandle } from './db';
export {
  connectJobGraph,
  defaultEnvApp,
  getAppAccessToken,
  getGraphClient,
  getUsageRecorder,
  graphClientOptions,
} from './graph';
export { cachedGraphProbe } from './health';
export { processSingleton } from './process-singleton';

/** Several Meta apps on the same WABAs: the configured apps and the Settings-managed ones. */
export {
  type AddAppInput,
  type AppsContext,
  type AppWriteResult,
  addApp,
  addAppInputSchema,
  removeApp,
  removeAppInputSchema,
} from './manage';
export { type AppRegistry, buildAppRegistry, pickApp, UnknownAppError } from './registry';
export { listStoredApps } from './stored-apps';
export { type AppSource, type AppSummary, appSummary, type ConfiguredApp } from './types';

export type { DoctorContext, ManagedReceiverMatch } from './context';
export { DoctorRun, diagnoseNumber } from './diagnose';
export * from './types';
export { CHECK_LABELS, VERDICT_LABELS, verdictOf } from './verdict';

export type { DoctorContext, ManagedReceiverMatch } from './context';
export { DoctorRun, diagnoseNumber } from './diagnose';
export { diagnoseWaba } from './diagnose-waba';
export * from './types';
export { CHECK_LABELS, VERDICT_LABELS, verdictOf } from './verdict';

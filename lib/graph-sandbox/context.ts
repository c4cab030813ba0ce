import type { CallLog } from './call-log';
import type { ClientCertControl } from './client-certs';
import type { CoreappState } from './coreapp/state';
import type { EmissionLog } from './emit-log';
import type { Faults } from './faults';
import type { Quirks } from './quirks';
import type { ReceiverRegistry } from './receivers';
import type { SandboxState } from './state';
import type { UsageTracker } from './usage';

export const DEFAULT_GRAPH_VERSION = 'v23.0';

/** Everything a running sandbox holds, passed to the dispatcher and the control surface. */
export interface SandboxContext {
  state: SandboxState;
  usage: UsageTracker;
  faults: Faults;
  quirks: Quirks;
  log: CallLog;
  receivers: ReceiverRegistry;
  /** Webhooks emitted through `POST /_sandbox/emit` and their delivery attempts. */
  emissions: EmissionLog;
  strictHttps: boolean;
  /** The client certificate the emitter presents on `https` deliveries (Meta's mTLS), and its switch. */
  clientCerts: ClientCertControl;
  /** Extra PEMs trusted for `https` callbacks' server certificates (verification and deliveries). */
  serverCas: readonly string[];
  verificationTimeoutMs: number;
  /** The On-Premises Coreapps under `/coreapp/<deployment>` (legacy API, see coreapp/routes.ts). */
  coreapp: CoreappState;
  /** The sandbox's own origin, known once it listens (for fixture identities and receiver URLs). */
  baseUrl: () => string;
}

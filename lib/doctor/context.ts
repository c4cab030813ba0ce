/** What the doctor needs: the app-tier routing context plus the token to check and the managed receivers. */
import 'server-only';
import type { AppTierContext } from '@/lib/routing/app-subscription';

export interface ManagedReceiverMatch {
  receiverId: string;
  name: string;
  /** Decrypted on the server for the live check; never returned. */
  verifyToken: string;
}

export interface DoctorContext extends AppTierContext {
  /** The token Switchboard calls Graph with (checked through /debug_token, never returned). */
  accessToken: string;
  /** The managed receiver a URL points at, if any: its verify token makes the live check complete. */
  managedReceiver: (url: string) => Promise<ManagedReceiverMatch | null>;
  /** Meta gives up on a verification GET after about 6 s; tests may shorten it. */
  liveTimeoutMs?: number;
  /** CAs trusted for the live check on top of Node's roots (tests with their own CA); verification stays on. */
  trustCa?: readonly string[];
}

export interface CallLogEntry {
  at: string;
  method: string;
  /** Path only; the query (which may hold tokens) is never logged. */
  path: string;
  appId: string | null;
  status: number;
  errorCode?: number;
  batch?: boolean;
  /** Whether the call carried an `appsecret_proof`, and whether it matched the token and the app's secret. */
  appsecretProof: AppsecretProofCheck;
}

export type AppsecretProofCheck = 'valid' | 'invalid' | 'absent';

// Bounded so long benchmarks cannot grow memory without end; the oldest entries go first.
const MAX_ENTRIES = 50_000;

export class CallLog {
  private entries: CallLogEntry[] = [];

  add(entry: CallLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  /** Entries at or after `since` (ISO timestamp), oldest first. */
  list(since?: string): CallLogEntry[] {
    if (!since) return [...this.entries];
    const from = Date.parse(since);
    return this.entries.filter((e) => Date.parse(e.at) >= from);
  }

  clear(): void {
    this.entries = [];
  }
}

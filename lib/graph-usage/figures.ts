/**
 * One usage snapshot (both headers of one Graph response) as flat figures, one per scope: the app, and each
 * business object × use-case type of `X-Business-Use-Case-Usage`. Pure; shared by the store and the recorder.
 */

import type { GraphUsageScope } from '@/lib/db/schema';
import type { UsageSnapshot } from '@/lib/graph/usage';

export interface UsageFigure {
  scope: GraphUsageScope;
  /** The business object id (usually a WABA id); '' for the app scope. */
  objectId: string;
  /** e.g. `whatsapp_business_management`; '' for the app scope or when Graph gives none. */
  useCaseType: string;
  callCount: number;
  totalCputime: number;
  totalTime: number;
  regainAccessMinutes: number | null;
  receivedAt: Date;
}

/** The identity of a figure's row: one latest figure is kept per key. */
export function figureKey(figure: Pick<UsageFigure, 'scope' | 'objectId' | 'useCaseType'>): string {
  return `${figure.scope}\u0000${figure.objectId}\u0000${figure.useCaseType}`;
}

/** The highest of the three percentages: how close this scope is to its limit. */
export function figurePercent(figure: Pick<UsageFigure, 'callCount' | 'totalCputime' | 'totalTime'>): number {
  return Math.max(figure.callCount, figure.totalCputime, figure.totalTime);
}

const finite = (n: number) => (Number.isFinite(n) ? n : 0);

export function usageFigures(snapshot: UsageSnapshot): UsageFigure[] {
  const receivedAt = new Date(snapshot.receivedAt);
  const figures = new Map<string, UsageFigure>();
  const add = (figure: UsageFigure) => figures.set(figureKey(figure), figure);
  if (snapshot.app) {
    add({
      scope: 'app',
      objectId: '',
      useCaseType: '',
      callCount: finite(snapshot.app.call_count),
      totalCputime: finite(snapshot.app.total_cputime),
      totalTime: finite(snapshot.app.total_time),
      regainAccessMinutes: null,
      receivedAt,
    });
  }
  for (const [objectId, entries] of Object.entries(snapshot.businessUseCase ?? {})) {
    for (const entry of entries) {
      const regain = entry.estimated_time_to_regain_access;
      add({
        scope: 'business_use_case',
        objectId,
        useCaseType: entry.type ?? '',
        callCount: finite(entry.call_count),
        totalCputime: finite(entry.total_cputime),
        totalTime: finite(entry.total_time),
        regainAccessMinutes: typeof regain === 'number' && Number.isFinite(regain) ? regain : null,
        receivedAt,
      });
    }
  }
  return [...figures.values()];
}

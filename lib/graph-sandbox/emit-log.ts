/**
 * The emissions the sandbox made and what became of each delivery (`GET /_sandbox/deliveries`), newest
 * first and bounded; `reset()` also cancels retries still waiting.
 */
import type { EmissionOutcome, Tier } from '@/lib/graph/schemas';
import type { DeliveryAttempt } from './emit-delivery';

export interface EmissionTarget {
  appId: string;
  appName: string;
  tier: Tier | null;
  url: string | null;
  outcome: EmissionOutcome;
  /** Why a target was skipped: field_not_subscribed, no_callback_url, not_loopback. */
  reason?: string;
  attempts: DeliveryAttempt[];
}

export interface Emission {
  id: string;
  at: string;
  phoneNumberId: string;
  wabaId: string;
  field: string;
  kind: string | null;
  /** False for fields that always go to the app callback (docs/graph-facts.md §1). */
  followsOverrides: boolean;
  payload: unknown;
  targets: EmissionTarget[];
}

export interface DeliveryView extends EmissionTarget {
  emissionId: string;
  at: string;
  phoneNumberId: string;
  wabaId: string;
  field: string;
  kind: string | null;
}

const MAX_EMISSIONS = 500;

export class EmissionLog {
  private emissions: Emission[] = [];
  private controller = new AbortController();

  /** Cancelled by reset(), so no retry outlives the state it was emitted from. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  add(emission: Emission): void {
    this.emissions.unshift(emission);
    if (this.emissions.length > MAX_EMISSIONS) this.emissions.length = MAX_EMISSIONS;
  }

  get(id: string): Emission | undefined {
    return this.emissions.find((e) => e.id === id);
  }

  deliveries(filter: { phoneNumberId?: string; emissionId?: string } = {}): DeliveryView[] {
    return this.emissions
      .filter(
        (e) =>
          (!filter.phoneNumberId || e.phoneNumberId === filter.phoneNumberId) &&
          (!filter.emissionId || e.id === filter.emissionId),
      )
      .flatMap(({ targets, payload: _payload, followsOverrides: _follows, id, ...emission }) =>
        targets.map((target) => ({ emissionId: id, ...emission, ...target, attempts: [...target.attempts] })),
      );
  }

  reset(): void {
    this.controller.abort();
    this.controller = new AbortController();
    this.emissions = [];
  }
}

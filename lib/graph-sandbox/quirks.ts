import { z } from 'zod';

/**
 * Body of `POST /_sandbox/quirks`: ways live Graph answers that clients must survive, off by default.
 * - `shortPages`: edges return about half the requested `limit`, and the page with the last items still
 *   carries `next`, which leads to an empty page without one (a short or empty page is not the end).
 * - `successString`: writes answer `{"success":"true"}`, the string form some of Meta's pages show.
 */
export const quirkConfigSchema = z
  .object({ shortPages: z.boolean().optional(), successString: z.boolean().optional() })
  .strict();
export type QuirkConfig = z.output<typeof quirkConfigSchema>;

/** A `POST` replaces the whole set (omitted quirks are off), like the fault configuration. */
export class Quirks {
  private config: QuirkConfig = {};

  set(config: QuirkConfig): void {
    this.config = { ...config };
  }

  current(): QuirkConfig {
    return { ...this.config };
  }

  get shortPages(): boolean {
    return this.config.shortPages === true;
  }

  get successString(): boolean {
    return this.config.successString === true;
  }
}

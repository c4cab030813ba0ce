/** The sentences the confirmation dialogs use to name what a WABA write will do. */

export function fallbackSentence(
  wabaLabel: string,
  applicationCallback: string | null,
  affected: number,
): string {
  const numbers = `${affected} number${affected === 1 ? '' : 's'}`;
  if (!applicationCallback) {
    return `Numbers of WABA ${wabaLabel} without a phone number override (${numbers}) will fall back to the app callback URL — and no app callback URL is known, so they may receive nothing.`;
  }
  return `Numbers of WABA ${wabaLabel} without a phone number override (${numbers}) will fall back to the app callback URL ${applicationCallback}.`;
}

export function unsubscribeSentence(
  wabaLabel: string,
  numberCount: number,
  wabaOverride: string | null,
): string {
  const numbers = `${numberCount} number${numberCount === 1 ? '' : 's'}`;
  const override = wabaOverride
    ? ` This app’s WABA override (${wabaOverride}) is removed with the subscription.`
    : '';
  return `No webhook for WABA ${wabaLabel} will reach this app: its ${numbers} stop delivering messages here at once, whatever their overrides. Other apps subscribed to the WABA are not affected.${override}`;
}

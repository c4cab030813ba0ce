/**
 * The one rule for free text the app stores or sends: no control characters, no broken (lone surrogate)
 * characters. A leaf with no imports, so every layer (forms, services, lib/db filters) can share it.
 */
// Unicode "Cc": C0 controls, DEL and C1 controls.
const CONTROL_CHARS = /\p{Cc}/u;
// A lone UTF-16 surrogate (half an emoji): not text Meta could send, and PostgreSQL refuses it in JSON.
const LONE_SURROGATE = /\p{Cs}/u;

/** The first reason free text cannot be stored or sent as typed (control character, broken character), or null. */
export function textProblem(raw: string, what: string): string | null {
  if (CONTROL_CHARS.test(raw))
    return `Remove the control character (a tab, line break or similar) from the ${what}.`;
  if (LONE_SURROGATE.test(raw))
    return `Remove the broken character (half of an emoji or similar) from the ${what}.`;
  return null;
}

/**
 * Finds known secrets in captured log output, for the e2e run's teardown and the logging tests. Reports which
 * secret (by label, never its value) and on which line, also when it appears URL- or JSON-encoded. Tests only.
 */
export interface KnownSecret {
  label: string;
  value: string;
}

export interface Leak {
  label: string;
  line: number;
}

function forms(value: string): string[] {
  const encoded = [encodeURIComponent(value), JSON.stringify(value).slice(1, -1)];
  return [value, ...encoded.filter((v) => v !== value)];
}

/** Secrets shorter than 6 characters are not checked: they would match ordinary text (as in lib/log.ts). */
export function findLeaks(text: string, secrets: readonly KnownSecret[]): Leak[] {
  const checked = secrets.filter((s) => s.value.length >= 6);
  const leaks: Leak[] = [];
  text.split('\n').forEach((content, index) => {
    for (const secret of checked) {
      if (forms(secret.value).some((form) => content.includes(form))) {
        leaks.push({ label: secret.label, line: index + 1 });
      }
    }
  });
  return leaks;
}

export function describeLeaks(leaks: readonly Leak[], where: string): string {
  const byLabel = new Map<string, number[]>();
  for (const leak of leaks) byLabel.set(leak.label, [...(byLabel.get(leak.label) ?? []), leak.line]);
  const lines = [...byLabel].map(([label, at]) => `  ${label}: line ${at.slice(0, 10).join(', ')}`);
  return `Secrets reached the log (${where}):\n${lines.join('\n')}`;
}

import { SETTING_LABELS, type WebhookSettings } from '@/lib/onprem/settings-form';

export function formatSetting(value: WebhookSettings[keyof WebhookSettings]): string {
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (value === '') return '(none — webhooks off)';
  return String(value);
}

/** The settings as the Coreapp reported them, read live. */
export function SettingsFacts({ settings, testId }: { settings: WebhookSettings; testId?: string }) {
  return (
    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]" data-testid={testId}>
      {(Object.keys(SETTING_LABELS) as Array<keyof WebhookSettings>).map((key) => (
        <div key={key} className="contents">
          <dt className="text-slate-600">{SETTING_LABELS[key]}</dt>
          <dd className="font-mono text-xs break-all" data-setting={key}>
            {formatSetting(settings[key])}
          </dd>
        </div>
      ))}
    </dl>
  );
}

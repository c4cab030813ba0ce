import { phoneNumberId } from '../fixtures/build';

/** The application settings a Coreapp keeps (`GET /v1/settings/application` → `settings.application`). */
export interface CoreappSettings {
  callback_persist: boolean;
  /** Deprecated in favour of `webhooks.message.sent`; kept because the seed page still shows it. */
  sent_status: boolean;
  callback_backoff_delay_ms: number;
  max_callback_backoff_delay_ms: number;
  webhooks: {
    url: string;
    max_concurrent_requests: number;
    message: { sent: boolean; delivered: boolean; read: boolean };
  };
}

export interface CoreappDeployment {
  id: string;
  label: string;
  username: string;
  password: string;
  /** Graph phone number ids this deployment served before its numbers moved to the Cloud API. */
  phoneNumberIds: string[];
  settings: CoreappSettings;
}

function settings(url: string): CoreappSettings {
  return {
    callback_persist: true,
    sent_status: false,
    // Meta's documented defaults.
    callback_backoff_delay_ms: 3000,
    max_callback_backoff_delay_ms: 900000,
    webhooks: { url, max_concurrent_requests: 6, message: { sent: false, delivered: true, read: false } },
  };
}

/**
 * Two On-Premises deployments of the demo fleet's Acme Group. Their numbers are on the Cloud API now (phone
 * numbers 4–6 of Acme Retail EU, 10–11 of Acme Retail US), except +1 415-555-0105 (number 12), which still
 * reports `platform_type: ON_PREMISE`. Their webhook URLs are example.* hosts, like the seeded overrides.
 */
export function coreappFixture(): CoreappDeployment[] {
  return [
    {
      id: 'acme-eu',
      label: 'Acme EU Coreapp',
      username: 'admin',
      password: 'coreapp-eu-Demo-1',
      phoneNumberIds: [phoneNumberId(4), phoneNumberId(5), phoneNumberId(6)],
      settings: settings('https://onprem-eu.example.com/whatsapp'),
    },
    {
      id: 'acme-us',
      label: 'Acme US Coreapp',
      username: 'admin',
      password: 'coreapp-us-Demo-1',
      phoneNumberIds: [phoneNumberId(10), phoneNumberId(11), phoneNumberId(12)],
      settings: settings('https://onprem-us.example.com/hooks/wa'),
    },
  ];
}

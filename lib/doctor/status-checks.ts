/** `waba_subscription`, `number_status`, `waba_status` and `other_apps`: read from the number and WABA nodes. */
import type { HealthStatus, PhoneNumber, SubscribedApp, Waba } from '@/lib/graph/schemas';
import type { DoctorCheck } from './types';

function healthText(health: HealthStatus | undefined): string {
  if (!health) return 'no health_status';
  const limited = (health.entities ?? []).filter(
    (e) => e.can_send_message && e.can_send_message !== 'AVAILABLE',
  );
  const errors = limited
    .flatMap((e) =>
      (e.errors ?? []).map((x) =>
        `${e.entity_type ?? 'entity'} ${x.error_code ?? ''} ${x.error_description ?? ''}`.trim(),
      ),
    )
    .join('; ');
  const by = limited
    .map((e) => `${e.entity_type ?? 'entity'} ${e.id ?? ''}: ${e.can_send_message}`.trim())
    .join(', ');
  return `health_status can_send_message ${health.can_send_message ?? 'unknown'}${by ? ` (${by})` : ''}${errors ? `; errors: ${errors}` : ''}`;
}

export function wabaSubscriptionCheck(wabaId: string, subscribed: boolean, at: string): DoctorCheck {
  const evidence = `GET /${wabaId}/subscribed_apps at ${at}`;
  return subscribed
    ? {
        id: 'waba_subscription',
        status: 'pass',
        title: "The app is subscribed to the number's WABA.",
        detail: `${evidence} lists this app.`,
      }
    : {
        id: 'waba_subscription',
        status: 'fail',
        title: "The app is not subscribed to the number's WABA, so Meta sends it nothing for this number.",
        detail: `${evidence} does not list this app.`,
        fix: { kind: 'subscribe', wabaId, label: 'Subscribe the app to this WABA' },
      };
}

const BAD_NUMBER_STATUSES = new Set([
  'PENDING',
  'DISCONNECTED',
  'UNVERIFIED',
  'DELETED',
  'BANNED',
  'MIGRATED',
]);

export function numberStatusCheck(phone: PhoneNumber, at: string): DoctorCheck {
  const status = phone.status ?? 'unknown';
  const platform = phone.platform_type ?? 'unknown';
  const evidence = `GET /${phone.id} at ${at}: status ${status}, platform_type ${platform}, ${healthText(phone.health_status)}.`;
  if (platform !== 'CLOUD_API') {
    return {
      id: 'number_status',
      status: 'fail',
      title:
        platform === 'ON_PREMISE'
          ? 'The number is on the On-Premises API, which gets no Cloud API webhooks.'
          : 'The number is not on the Cloud API, so it gets no Cloud API webhooks.',
      detail: evidence,
    };
  }
  if (status !== 'CONNECTED' && (BAD_NUMBER_STATUSES.has(status) || status === 'unknown')) {
    return {
      id: 'number_status',
      status: 'fail',
      title: `The number is ${status}, not CONNECTED: it receives no messages until it is registered and connected.`,
      detail: evidence,
    };
  }
  const canSend = phone.health_status?.can_send_message;
  if (status !== 'CONNECTED' || (canSend && canSend !== 'AVAILABLE')) {
    return {
      id: 'number_status',
      status: 'warn',
      title: `The number is ${status}${canSend && canSend !== 'AVAILABLE' ? ` and its sending is ${canSend}` : ''}: it still receives, but Meta is limiting it.`,
      detail: evidence,
    };
  }
  return {
    id: 'number_status',
    status: 'pass',
    title: 'The number is CONNECTED on the Cloud API.',
    detail: evidence,
  };
}

export function wabaStatusCheck(waba: Waba, at: string): DoctorCheck {
  const review = waba.account_review_status ?? 'unknown';
  const evidence = `GET /${waba.id} at ${at}: account_review_status ${review}, ${healthText(waba.health_status)}.`;
  const canSend = waba.health_status?.can_send_message;
  if (review === 'REJECTED' || canSend === 'BLOCKED') {
    return {
      id: 'waba_status',
      status: 'fail',
      title: review === 'REJECTED' ? 'The WABA was rejected in review.' : 'Meta has blocked the WABA.',
      detail: evidence,
    };
  }
  if (review !== 'APPROVED' || (canSend && canSend !== 'AVAILABLE')) {
    return {
      id: 'waba_status',
      status: 'warn',
      title:
        review !== 'APPROVED'
          ? `The WABA's review is ${review}, not APPROVED.`
          : `The WABA's sending is ${canSend}: Meta is limiting it.`,
      detail: evidence,
    };
  }
  return {
    id: 'waba_status',
    status: 'pass',
    title: 'The WABA is approved and not restricted.',
    detail: evidence,
  };
}

export function otherAppsCheck(
  appId: string,
  wabaId: string,
  apps: readonly SubscribedApp[],
  at: string,
): DoctorCheck {
  const others = apps.filter((a) => a.whatsapp_business_api_data.id !== appId);
  if (others.length === 0) {
    return {
      id: 'other_apps',
      status: 'skip',
      title: 'No other app is subscribed to this WABA.',
      detail: `GET /${wabaId}/subscribed_apps at ${at} lists no other app.`,
    };
  }
  const list = others
    .map((a) => {
      const name = a.whatsapp_business_api_data.name ?? a.whatsapp_business_api_data.id;
      const where = a.override_callback_uri
        ? `its WABA override ${a.override_callback_uri}`
        : 'its own phone override or app callback';
      return `${name} (${a.whatsapp_business_api_data.id}) → ${where}`;
    })
    .join('; ');
  return {
    id: 'other_apps',
    status: 'pass',
    title: `${others.length} other app${others.length === 1 ? '' : 's'} also get${others.length === 1 ? 's' : ''} a copy of every webhook.`,
    detail: `GET /${wabaId}/subscribed_apps at ${at}: ${list}. Each app gets its own copy, and Meta retries each separately.`,
  };
}

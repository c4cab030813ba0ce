import type { App, Subscription, Waba } from '../types';
import { phoneNumberType } from './phone-number';
import { defineEdge, type NodeType } from './render';

interface SubscribedAppEntry {
  app: App;
  subscription: Subscription;
}

/** One entry of `subscribed_apps`: `override_callback_uri` only when that app has a WABA override. */
export const subscribedAppType: NodeType<SubscribedAppEntry> = {
  name: 'WhatsAppBusinessAccountSubscribedApp',
  defaultFields: ['whatsapp_business_api_data', 'override_callback_uri'],
  scalars: {
    whatsapp_business_api_data: ({ app }) => ({
      id: app.id,
      link: `https://www.facebook.com/games/?app_id=${app.id}`,
      name: app.name,
    }),
    override_callback_uri: ({ subscription }) => subscription.overrideCallbackUri,
  },
};

export const wabaType: NodeType<Waba> = {
  name: 'WhatsAppBusinessAccount',
  id: (w) => w.id,
  defaultFields: ['id', 'name', 'currency', 'timezone_id', 'message_template_namespace'],
  scalars: {
    id: (w) => w.id,
    name: (w) => w.name,
    currency: (w) => w.currency,
    timezone_id: (w) => w.timezone_id,
    message_template_namespace: (w) => w.message_template_namespace,
    account_review_status: (w) => w.account_review_status,
    business_verification_status: (w) => w.business_verification_status,
    country: (w) => w.country,
    // Seen from the business that lists it; the sandbox simplifies to "shared with someone → client owned".
    ownership_type: (w) => (w.clientOf.length > 0 ? 'CLIENT_OWNED' : 'SELF'),
    status: (w) => w.status,
    owner_business_info: (w, ctx) => ({
      id: w.ownerBusinessId,
      name: ctx.state.businesses.get(w.ownerBusinessId)?.name,
    }),
    health_status: (w) => ({
      can_send_message: w.canSendMessage ?? 'AVAILABLE',
      entities: [{ entity_type: 'WABA', id: w.id, can_send_message: w.canSendMessage ?? 'AVAILABLE' }],
    }),
  },
  edges: {
    phone_numbers: defineEdge(phoneNumberType, (w, ctx) => ctx.state.numbersOf(w)),
    subscribed_apps: defineEdge(subscribedAppType, (w, ctx) => ctx.state.subscriptionsOf(w.id), {
      paged: false,
    }),
  },
};

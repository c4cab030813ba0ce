import type { PhoneNumber } from '../types';
import type { NodeType } from './render';

function healthStatus(phone: PhoneNumber) {
  const canSend =
    phone.canSendMessage ??
    (phone.quality_rating === 'RED' || phone.status === 'FLAGGED' ? 'LIMITED' : 'AVAILABLE');
  return {
    can_send_message: canSend,
    entities: [{ entity_type: 'PHONE_NUMBER', id: phone.id, can_send_message: canSend }],
  };
}

/** `WhatsAppBusinessPhoneNumber`: the default fields are the four Graph returns without `fields=`. */
export const phoneNumberType: NodeType<PhoneNumber> = {
  name: 'WhatsAppBusinessPhoneNumber',
  id: (p) => p.id,
  defaultFields: ['id', 'display_phone_number', 'verified_name', 'quality_rating'],
  scalars: {
    id: (p) => p.id,
    display_phone_number: (p) => p.display_phone_number,
    verified_name: (p) => p.verified_name,
    quality_rating: (p) => p.quality_rating,
    status: (p) => p.status,
    name_status: (p) => p.name_status,
    code_verification_status: (p) => p.code_verification_status,
    platform_type: (p) => p.platform_type,
    throughput: (p) => ({ ...p.throughput }),
    account_mode: (p) => p.account_mode,
    is_official_business_account: (p) => p.is_official_business_account,
    last_onboarded_time: (p) => p.last_onboarded_time,
    health_status: healthStatus,
    webhook_configuration: (p, ctx) => ctx.state.webhookConfiguration(ctx.appId, p),
  },
};

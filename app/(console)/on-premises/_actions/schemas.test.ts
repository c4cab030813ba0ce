import { describe, expect, it } from 'vitest';
import { carryOverSchema, changeSettingsSchema, registerDeploymentSchema } from './schemas';

const settings = {
  webhookUrl: 'https://hooks.example.com/wa',
  callbackPersist: true,
  messageSent: false,
  messageDelivered: true,
  messageRead: false,
  callbackBackoffDelayMs: '3000',
  maxCallbackBackoffDelayMs: '900000',
  maxConcurrentRequests: '12',
};
const id = '0b7f6f2e-3c1a-4d5e-9f00-112233445566';

describe('On-Premises action schemas', () => {
  it('reads phone number ids separated by lines, commas and spaces, once each', () => {
    const parsed = registerDeploymentSchema.parse({
      label: ' EU ',
      baseUrl: 'https://coreapp.internal:9090',
      username: 'admin',
      password: 'pw',
      phoneNumberIds: '106540352200004,\n106540352200005  106540352200004',
    });
    expect(parsed.label).toBe('EU');
    expect(parsed.phoneNumberIds).toEqual(['106540352200004', '106540352200005']);
  });

  it('refuses a phone number id that is not digits, naming the field', () => {
    const result = registerDeploymentSchema.safeParse({
      label: 'EU',
      baseUrl: 'https://x',
      username: 'admin',
      password: 'pw',
      phoneNumberIds: '+44 7700 900123',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['phoneNumberIds']);
  });

  it('coerces numbers from form text and keeps the allowed concurrency values only', () => {
    const ok = changeSettingsSchema.parse({ id, expectedWebhookUrl: '', settings });
    expect(ok.settings.maxConcurrentRequests).toBe(12);
    expect(ok.settings.callbackBackoffDelayMs).toBe(3000);
    const bad = changeSettingsSchema.safeParse({
      id,
      expectedWebhookUrl: '',
      settings: { ...settings, maxConcurrentRequests: '7' },
    });
    expect(bad.error?.issues[0]?.message).toBe('One of 6, 12, 18, 24.');
  });

  it('refuses a longest retry delay shorter than the first', () => {
    const result = changeSettingsSchema.safeParse({
      id,
      expectedWebhookUrl: '',
      settings: { ...settings, maxCallbackBackoffDelayMs: '100' },
    });
    expect(result.error?.issues[0]?.path).toEqual(['settings', 'maxCallbackBackoffDelayMs']);
  });

  it('needs a verify token for a carry-over', () => {
    const result = carryOverSchema.safeParse({
      deploymentId: id,
      phoneNumberId: '1',
      verifyToken: '',
      expected: null,
    });
    expect(result.error?.issues[0]?.path).toEqual(['verifyToken']);
  });
});

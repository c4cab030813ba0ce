'use client';

import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { OVERRIDE_URL_MAX_LENGTH } from '@/lib/graph/constants';
import { VerifyTokenInput } from './verify-token-input';

export type OverrideFieldName = 'overrideCallbackUri' | 'verifyToken';
export type OverrideFieldErrors = Partial<Record<OverrideFieldName, string>>;

interface OverrideFieldsProps {
  idPrefix: string;
  url: string;
  token: string;
  errors: OverrideFieldErrors;
  allowLoopback: boolean;
  onChange: (field: OverrideFieldName, value: string) => void;
}

/** The URL and verify-token inputs, each with its hint and its own error line. */
export function OverrideFields({
  idPrefix,
  url,
  token,
  errors,
  allowLoopback,
  onChange,
}: OverrideFieldsProps) {
  return (
    <div className="space-y-3">
      <FormField
        id={`${idPrefix}-url`}
        label="Callback URL"
        hint={
          <>
            https:// only
            {allowLoopback && ' (this deployment also accepts http:// on localhost for local receivers)'}, at
            most {OVERRIDE_URL_MAX_LENGTH} characters — {url.length} so far. Meta calls it with a verification
            request before saving.
          </>
        }
        error={errors.overrideCallbackUri}
      >
        {(control) => (
          <Input
            {...control}
            name="overrideCallbackUri"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://example.com/webhooks/whatsapp"
            className="font-mono"
            value={url}
            onChange={(e) => onChange('overrideCallbackUri', e.target.value)}
          />
        )}
      </FormField>
      <FormField
        id={`${idPrefix}-token`}
        label="Verify token"
        hint={
          <>
            The value your receiver expects in <code>hub.verify_token</code>. Sent to the receiver and to
            Meta; stored only masked.
          </>
        }
        error={errors.verifyToken}
      >
        {(control) => (
          <VerifyTokenInput
            {...control}
            name="verifyToken"
            value={token}
            onChange={(e) => onChange('verifyToken', e.target.value)}
          />
        )}
      </FormField>
    </div>
  );
}

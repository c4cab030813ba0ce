'use client';

import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { OVERRIDE_URL_MAX_LENGTH } from '@/lib/routing/validation';
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
  const ids = {
    url: `${idPrefix}-url`,
    urlHint: `${idPrefix}-url-hint`,
    urlError: `${idPrefix}-url-error`,
    token: `${idPrefix}-token`,
    tokenHint: `${idPrefix}-token-hint`,
    tokenError: `${idPrefix}-token-error`,
  };
  return (
    <div className="space-y-3">
      <div className="space-y-1">
        <Label htmlFor={ids.url}>Callback URL</Label>
        <p id={ids.urlHint} className="text-xs text-slate-700">
          https:// only
          {allowLoopback && ' (this deployment also accepts http:// on localhost for local receivers)'}, at
          most {OVERRIDE_URL_MAX_LENGTH} characters — {url.length} so far. Meta calls it with a verification
          request before saving.
        </p>
        <Input
          id={ids.url}
          name="overrideCallbackUri"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://example.com/webhooks/whatsapp"
          className="font-mono"
          value={url}
          onChange={(e) => onChange('overrideCallbackUri', e.target.value)}
          aria-invalid={errors.overrideCallbackUri ? true : undefined}
          aria-describedby={`${ids.urlHint} ${ids.urlError}`}
        />
        <FieldError id={ids.urlError} message={errors.overrideCallbackUri} />
      </div>
      <div className="space-y-1">
        <Label htmlFor={ids.token}>Verify token</Label>
        <p id={ids.tokenHint} className="text-xs text-slate-700">
          The value your receiver expects in <code>hub.verify_token</code>. Sent to the receiver and to Meta;
          stored only masked.
        </p>
        <VerifyTokenInput
          id={ids.token}
          name="verifyToken"
          value={token}
          onChange={(e) => onChange('verifyToken', e.target.value)}
          aria-invalid={errors.verifyToken ? true : undefined}
          aria-describedby={`${ids.tokenHint} ${ids.tokenError}`}
        />
        <FieldError id={ids.tokenError} message={errors.verifyToken} />
      </div>
    </div>
  );
}

'use client';

import Link from 'next/link';
import { FieldError } from '@/components/ui/field-error';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { useReceiverChoices } from './receiver-choices';

interface ReceiverPickerProps {
  id: string;
  value: string;
  error: string | undefined;
  onChange: (receiverId: string) => void;
}

/**
 * "Managed receiver" in the override forms: the form sends only the receiver's id (`receiverId`); the server
 * action resolves it to the receiver's URL and decrypts its verify token, which never reaches the browser.
 */
export function ReceiverPicker({ id, value, error, onChange }: ReceiverPickerProps) {
  const { receivers, canManage } = useReceiverChoices();
  const errorId = `${id}-error`;
  if (receivers.length === 0) {
    return (
      <div className="space-y-1 text-sm text-slate-800" data-testid="receiver-picker-empty">
        <p className="font-medium">There are no managed receivers yet.</p>
        {canManage ? (
          <p>
            <Link href="/receivers" className="text-blue-800 underline underline-offset-2">
              Create one on the Receivers page
            </Link>
            , or choose “Custom URL” to type a URL and verify token.
          </p>
        ) : (
          <p>
            An admin creates them on the Receivers page; until then, choose “Custom URL” to type a URL and
            verify token.
          </p>
        )}
        {/* A save without a receiver still needs its error line (e.g. the list was empty). */}
        <FieldError id={errorId} message={error} />
      </div>
    );
  }
  return (
    <FormField
      id={id}
      label="Receiver"
      hint="Switchboard fills in its URL and verify token on the server; Meta verifies it before saving."
      error={error}
    >
      {(control) => (
        <Select {...control} name="receiverId" value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">Choose a receiver…</option>
          {receivers.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} ({r.url})
            </option>
          ))}
        </Select>
      )}
    </FormField>
  );
}

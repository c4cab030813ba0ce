'use client';

import { useId } from 'react';
import type { ReceiverChoice } from '@/lib/receivers/picker';

interface ReceiverPickerProps {
  receivers: ReceiverChoice[];
  /** Form field name; the server action resolves the id to URL + verify token (resolveReceiverTarget). */
  name?: string;
  value: string;
  onChange: (receiverId: string, choice: ReceiverChoice | null) => void;
}

/**
 * "Use a managed receiver" for override forms: choosing one fills the URL and keeps the verify token on the
 * server. An empty choice means "type a URL and token instead".
 */
export function ReceiverPicker({ receivers, name = 'receiverId', value, onChange }: ReceiverPickerProps) {
  const id = useId();
  if (receivers.length === 0) return null;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="text-sm font-medium">
        Managed receiver
      </label>
      <select
        id={id}
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value, receivers.find((r) => r.id === e.target.value) ?? null)}
        className="h-9 w-full rounded-md border border-slate-400 bg-white px-2 text-sm text-slate-900"
      >
        <option value="">None — type a URL and verify token</option>
        {receivers.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name} ({r.url})
          </option>
        ))}
      </select>
    </div>
  );
}

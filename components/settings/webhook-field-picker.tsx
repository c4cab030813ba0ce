'use client';

import { FieldError } from '@/components/ui/field-error';
import { APP_CALLBACK_ONLY_FIELDS, OVERRIDE_FOLLOWING_FIELDS } from '@/lib/graph/constants';
import type { WebhookField } from '@/lib/routing/validation';

interface WebhookFieldPickerProps {
  idPrefix: string;
  selected: readonly WebhookField[];
  error: string | undefined;
  onChange: (fields: WebhookField[]) => void;
}

const GROUPS = [
  { id: 'follow', title: 'Follow overrides', fields: OVERRIDE_FOLLOWING_FIELDS },
  { id: 'app', title: 'Always to the app callback', fields: APP_CALLBACK_ONLY_FIELDS },
] as const;

/** The app subscription's webhook fields, grouped as Meta routes them (docs/graph-facts.md §1). */
export function WebhookFieldPicker({ idPrefix, selected, error, onChange }: WebhookFieldPickerProps) {
  const errorId = `${idPrefix}-fields-error`;
  const toggle = (field: WebhookField, on: boolean) =>
    onChange(on ? [...selected, field] : selected.filter((f) => f !== field));
  return (
    <fieldset
      className="space-y-2"
      aria-describedby={`${idPrefix}-fields-hint ${errorId}`}
      aria-invalid={error ? true : undefined}
    >
      <legend className="text-sm font-medium text-slate-900">Webhook fields</legend>
      <p id={`${idPrefix}-fields-hint`} className="text-xs text-slate-700">
        Overrides only take effect for numbers when the app subscription includes <code>messages</code>.
        {!selected.includes('messages') && (
          <strong className="ml-1 font-semibold text-amber-900">messages is not selected.</strong>
        )}
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        {GROUPS.map((group) => (
          <div key={group.id} className="rounded-md border border-slate-200 p-2">
            <p className="mb-1 text-xs font-semibold text-slate-800">{group.title}</p>
            <ul className="grid gap-0.5 sm:grid-cols-2">
              {group.fields.map((field) => {
                const id = `${idPrefix}-field-${field}`;
                return (
                  <li key={field} className="flex items-center gap-2">
                    <input
                      id={id}
                      type="checkbox"
                      className="size-4 accent-slate-900"
                      checked={selected.includes(field)}
                      onChange={(e) => toggle(field, e.target.checked)}
                    />
                    <label htmlFor={id} className="font-mono text-xs text-slate-900">
                      {field}
                    </label>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </div>
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}

'use client';

import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';

export interface FilterValues {
  phoneNumberId: string;
  field: string;
  signature: '' | 'valid' | 'invalid';
  outcome: '' | 'stored' | 'duplicate' | 'rejected';
  /** ISO timestamps (the inputs show them in local time). */
  since: string;
  until: string;
}

export const EMPTY_FILTERS: FilterValues = {
  phoneNumberId: '',
  field: '',
  signature: '',
  outcome: '',
  since: '',
  until: '',
};

/** `datetime-local` works in local time without a zone; the URL keeps ISO so links mean the same everywhere. */
function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return '';
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function fromLocalInput(value: FormDataEntryValue | null): string {
  if (typeof value !== 'string' || !value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

export function DeliveryFilters({
  value,
  onChange,
}: {
  value: FilterValues;
  onChange: (next: FilterValues) => void;
}) {
  const id = useId();
  const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
  return (
    <form
      className="grid gap-3 sm:grid-cols-3 lg:grid-cols-7 lg:items-end"
      aria-label="Filter deliveries"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        onChange({
          phoneNumberId: text(form, 'phoneNumberId'),
          field: text(form, 'field'),
          signature: text(form, 'signature') as FilterValues['signature'],
          outcome: text(form, 'outcome') as FilterValues['outcome'],
          since: fromLocalInput(form.get('since')),
          until: fromLocalInput(form.get('until')),
        });
      }}
      // Remount on external changes (Clear) so the uncontrolled inputs show the new values.
      key={JSON.stringify(value)}
    >
      <div className="space-y-1">
        <label htmlFor={`${id}-phone`} className="text-sm font-medium">
          Phone number id
        </label>
        <Input
          id={`${id}-phone`}
          name="phoneNumberId"
          inputMode="numeric"
          defaultValue={value.phoneNumberId}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-field`} className="text-sm font-medium">
          Field
        </label>
        <Input id={`${id}-field`} name="field" placeholder="messages" defaultValue={value.field} />
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-signature`} className="text-sm font-medium">
          Signature
        </label>
        <Select id={`${id}-signature`} name="signature" defaultValue={value.signature}>
          <option value="">Any</option>
          <option value="valid">Valid</option>
          <option value="invalid">Invalid</option>
        </Select>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-outcome`} className="text-sm font-medium">
          Outcome
        </label>
        <Select id={`${id}-outcome`} name="outcome" defaultValue={value.outcome}>
          <option value="">Any</option>
          <option value="stored">Stored</option>
          <option value="duplicate">Duplicate</option>
          <option value="rejected">Rejected</option>
        </Select>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-since`} className="text-sm font-medium">
          From (local time)
        </label>
        <Input
          id={`${id}-since`}
          name="since"
          type="datetime-local"
          defaultValue={toLocalInput(value.since)}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-until`} className="text-sm font-medium">
          To (local time)
        </label>
        <Input
          id={`${id}-until`}
          name="until"
          type="datetime-local"
          defaultValue={toLocalInput(value.until)}
        />
      </div>
      <div className="flex gap-2">
        <Button type="submit">Apply</Button>
        <Button type="button" variant="ghost" onClick={() => onChange(EMPTY_FILTERS)}>
          Clear
        </Button>
      </div>
    </form>
  );
}

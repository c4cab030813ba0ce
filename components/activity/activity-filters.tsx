import Link from 'next/link';
import type { ReactNode } from 'react';
import { Button, buttonVariants } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { CHANGE_TARGET_TYPES, type ChangeLogFieldErrors, type ChangeLogFilter } from '@/lib/activity';
import { CHANGE_OUTCOMES } from '@/lib/db/schema';

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-900">
        {label}
      </label>
      {children}
    </div>
  );
}

function Options({ values, anyLabel }: { values: readonly string[]; anyLabel: string }) {
  return (
    <>
      <option value="">{anyLabel}</option>
      {values.map((v) => (
        <option key={v} value={v}>
          {v}
        </option>
      ))}
    </>
  );
}

/**
 * A plain GET form: the filters live in the URL, so a filtered view can be bookmarked or shared, and it works
 * before (or without) JavaScript. Submitting starts again at page 1.
 */
export function ActivityFilters({
  filter,
  errors = {},
  actors,
  actions,
}: {
  filter: ChangeLogFilter;
  /** Dates in the URL the filter could not use (out of range): shown under their field. */
  errors?: ChangeLogFieldErrors;
  actors: string[];
  actions: string[];
}) {
  // Keep a value that is in the URL even when it no longer appears in the log, so the menu shows it.
  const withCurrent = (values: string[], current?: string) =>
    current && !values.includes(current) ? [current, ...values] : values;
  return (
    <form
      method="get"
      action="/activity"
      aria-label="Filter the activity"
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field id="f-actor" label="Person">
          <Select id="f-actor" name="actor" defaultValue={filter.actor ?? ''}>
            <Options values={withCurrent(actors, filter.actor)} anyLabel="Anyone" />
          </Select>
        </Field>
        <Field id="f-action" label="Action">
          <Select id="f-action" name="action" defaultValue={filter.action ?? ''}>
            <Options values={withCurrent(actions, filter.action)} anyLabel="Any action" />
          </Select>
        </Field>
        <Field id="f-outcome" label="Outcome">
          <Select id="f-outcome" name="outcome" defaultValue={filter.outcome ?? ''}>
            <Options values={CHANGE_OUTCOMES} anyLabel="Any outcome" />
          </Select>
        </Field>
        <Field id="f-target-type" label="Target type">
          <Select id="f-target-type" name="targetType" defaultValue={filter.targetType ?? ''}>
            <Options values={CHANGE_TARGET_TYPES} anyLabel="Any type" />
          </Select>
        </Field>
        <Field id="f-target-id" label="Target id">
          <Input id="f-target-id" name="targetId" defaultValue={filter.targetId ?? ''} inputMode="text" />
        </Field>
        <DateField name="from" label="From (UTC)" value={filter.from} error={errors.from} />
        <DateField name="to" label="To (UTC, inclusive)" value={filter.to} error={errors.to} />
        <div className="flex items-end gap-2">
          <Button type="submit">Apply filters</Button>
          <Link href="/activity" className={cn(buttonVariants({ variant: 'outline' }))}>
            Clear
          </Link>
        </div>
      </div>
    </form>
  );
}

/** A date filter (the day of an ISO timestamp) with its out-of-range message announced under it. */
function DateField({
  name,
  label,
  value,
  error,
}: {
  name: 'from' | 'to';
  label: string;
  value: string | undefined;
  error: string | undefined;
}) {
  const id = `f-${name}`;
  return (
    <Field id={id} label={label}>
      <Input
        id={id}
        name={name}
        type="date"
        defaultValue={value?.slice(0, 10) ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-error`}
      />
      <FieldError id={`${id}-error`} message={error} />
    </Field>
  );
}

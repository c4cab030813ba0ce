'use client';

import { X } from 'lucide-react';
import { type FormEvent, useId } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Select } from '@/components/ui/select';
import type { AuditFilter, VerdictFilter, WinnerFilter } from '@/lib/audit/filter';
import { CHECK_LABELS } from '@/lib/doctor/verdict';

const WINNER_OPTIONS: Array<{ value: WinnerFilter | ''; label: string }> = [
  { value: '', label: 'Any' },
  { value: 'phone_number', label: 'Phone number override' },
  { value: 'whatsapp_business_account', label: 'WABA override' },
  { value: 'application', label: 'App callback' },
  { value: 'none', label: 'No delivery' },
];

const VERDICT_OPTIONS: Array<{ value: VerdictFilter | ''; label: string }> = [
  { value: '', label: 'Any' },
  { value: 'delivers', label: 'Delivers' },
  { value: 'at_risk', label: 'At risk' },
  { value: 'does_not_deliver', label: 'Cannot receive messages' },
];

/**
 * Filters of the audit. The winning tier and "changed outside Switchboard" apply at once; the text fields on
 * Enter or Apply (a 50,000-row query per keystroke would be wasteful).
 */
export function AuditFilters({
  filter,
  onChange,
  apps = [],
}: {
  filter: AuditFilter;
  onChange: (next: AuditFilter) => void;
  /** The apps the snapshot was read as (the App filter's choices); fewer than two: no App filter. */
  apps?: readonly { appId: string; appLabel: string }[];
}) {
  const id = useId();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = String(data.get(name) ?? '').trim();
      return value === '' ? undefined : value;
    };
    onChange({ ...filter, q: text('q'), waba: text('waba') });
  };
  const active = Boolean(
    filter.winner ||
      filter.q ||
      filter.url ||
      filter.waba ||
      filter.drift ||
      filter.verdict ||
      filter.problem ||
      filter.app,
  );
  const appLabel = apps.find((a) => a.appId === filter.app)?.appLabel ?? filter.app;
  return (
    <search aria-label="Filter the audit">
      <form onSubmit={submit} className="grid gap-3 md:grid-cols-[repeat(3,minmax(0,1fr))_auto] md:items-end">
        <div className="space-y-1">
          <Label htmlFor={`${id}-winner`}>Winning tier</Label>
          <Select
            id={`${id}-winner`}
            value={filter.winner ?? ''}
            onChange={(e) =>
              onChange({ ...filter, winner: (e.target.value || undefined) as WinnerFilter | undefined })
            }
          >
            {WINNER_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <Label htmlFor={`${id}-q`}>Effective URL contains</Label>
          <Input
            id={`${id}-q`}
            name="q"
            type="search"
            defaultValue={filter.q ?? ''}
            key={`q-${filter.q ?? ''}`}
            placeholder="e.g. hooks.example.com"
          />
        </div>
        <div className="space-y-1">
          <Label htmlFor={`${id}-waba`}>WABA name or id</Label>
          <Input
            id={`${id}-waba`}
            name="waba"
            type="search"
            defaultValue={filter.waba ?? ''}
            key={`waba-${filter.waba ?? ''}`}
            placeholder="e.g. Acme Retail"
          />
        </div>
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        <div className="flex flex-wrap items-center gap-3 md:col-span-4">
          <label className="flex items-center gap-2 text-sm text-slate-900">
            <input
              type="checkbox"
              className="size-4"
              checked={filter.drift === '1'}
              onChange={(e) => onChange({ ...filter, drift: e.target.checked ? '1' : undefined })}
            />
            Only numbers changed outside Switchboard
          </label>
          <div className="flex items-center gap-2">
            <Label htmlFor={`${id}-verdict`}>Delivery</Label>
            <Select
              id={`${id}-verdict`}
              value={filter.verdict ?? ''}
              onChange={(e) =>
                onChange({ ...filter, verdict: (e.target.value || undefined) as VerdictFilter | undefined })
              }
            >
              {VERDICT_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          </div>
          {apps.length > 1 && (
            <div className="flex items-center gap-2">
              <Label htmlFor={`${id}-app`}>App</Label>
              <Select
                id={`${id}-app`}
                value={filter.app ?? ''}
                onChange={(e) => onChange({ ...filter, app: e.target.value || undefined })}
              >
                <option value="">Every app</option>
                {apps.map((a) => (
                  <option key={a.appId} value={a.appId}>
                    {a.appLabel}
                  </option>
                ))}
              </Select>
            </div>
          )}
          {filter.app && (
            <span
              className="inline-flex items-center gap-1 rounded-full border border-slate-300 bg-slate-100 px-2 py-0.5 text-xs text-slate-900"
              data-testid="audit-app-filter"
            >
              App: {appLabel}
              <button
                type="button"
                className="rounded-full p-0.5 hover:bg-slate-200"
                aria-label="Remove the app filter"
                onClick={() => onChange({ ...filter, app: undefined })}
              >
                <X className="size-3" aria-hidden="true" />
              </button>
            </span>
          )}
          {filter.problem && (
            <span
              className="inline-flex items-center gap-1 rounded-full border border-slate-300 bg-slate-100 px-2 py-0.5 text-xs text-slate-900"
              data-testid="audit-problem-filter"
            >
              First problem: {CHECK_LABELS[filter.problem]}
              <button
                type="button"
                className="rounded-full p-0.5 hover:bg-slate-200"
                aria-label="Remove the first problem filter"
                onClick={() => onChange({ ...filter, problem: undefined })}
              >
                <X className="size-3" aria-hidden="true" />
              </button>
            </span>
          )}
          {filter.url && (
            <span className="inline-flex items-center gap-1 rounded-full border border-slate-300 bg-slate-100 px-2 py-0.5 text-xs text-slate-900">
              Effective URL = <span className="max-w-96 truncate font-mono">{filter.url}</span>
              <button
                type="button"
                className="rounded-full p-0.5 hover:bg-slate-200"
                aria-label="Remove the effective URL filter"
                onClick={() => onChange({ ...filter, url: undefined })}
              >
                <X className="size-3" aria-hidden="true" />
              </button>
            </span>
          )}
          {active && (
            <Button
              variant="ghost"
              size="sm"
              onClick={() => onChange({ sort: filter.sort, dir: filter.dir })}
            >
              Clear filters
            </Button>
          )}
        </div>
      </form>
    </search>
  );
}

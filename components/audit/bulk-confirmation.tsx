import type { BulkPreview } from '@/lib/audit/bulk/start';
import type { BulkAction } from '@/lib/audit/types';
import type { BulkAppChoice } from './bulk-actions';
import { plural } from './format';

/** The bulk re-route's second step: what will happen, in words, before anything is written. */
export function BulkConfirmation({
  preview,
  action,
  url,
  others,
}: {
  preview: BulkPreview;
  action: BulkAction;
  url: string;
  /** The other configured apps: their routes stay as they are. */
  others: BulkAppChoice[];
}) {
  const app = preview.app.label;
  return (
    <div className="space-y-3 text-sm text-slate-900" data-testid="bulk-confirmation">
      {preview.count === 0 ? (
        <p>No number in this selection needs this change.</p>
      ) : action === 'phone_override.set' ? (
        <p>
          Set the phone number override of <strong>{plural(preview.count, 'number')}</strong> to{' '}
          <strong className="break-all font-mono">{url}</strong>. Their messages webhooks will go there.
        </p>
      ) : (
        <p>
          Clear the phone number override of <strong>{plural(preview.count, 'number')}</strong>. Each falls
          back to its WABA override, or the app callback when there is none.
        </p>
      )}
      <p data-testid="bulk-app">
        Changes <strong>{app}</strong>'s route only
        {others.length > 0 &&
          `; ${others.map((other) => other.label).join(', ')} ${others.length === 1 ? 'keeps its' : 'keep their'} own route for these numbers, as it is`}
        .
      </p>
      {!preview.snapshotCoversApp && (
        <p className="text-slate-700" data-testid="bulk-live-read">
          The latest scan read another app's routes, not {app}'s: every selected number is written, after
          reading {app}'s current phone override from Graph
          {action === 'phone_override.clear'
            ? `; a number without a phone override of ${app}'s is listed as refused.`
            : '.'}
        </p>
      )}
      {preview.replacedCount > 0 && (
        <div className="space-y-1" data-testid="bulk-replaced">
          <p className="font-medium">
            {action === 'phone_override.set'
              ? `${plural(preview.replacedCount, 'number')} ${preview.replacedCount === 1 ? 'has its' : 'have their'} own phone number override now, which will be replaced:`
              : `The phone number override ${preview.replacedCount === 1 ? 'this number has' : 'these numbers have'} now will be removed:`}
          </p>
          <ul className="max-h-40 space-y-0.5 overflow-y-auto rounded border border-slate-200 p-2">
            {preview.replaced.map((r) => (
              <li
                key={r.phoneNumberId}
                data-testid="bulk-replaced-number"
                data-phone-number-id={r.phoneNumberId}
              >
                {r.displayPhoneNumber ?? r.phoneNumberId}
                {r.wabaName && <span className="text-slate-700"> ({r.wabaName})</span>}:{' '}
                <span className="break-all font-mono text-xs">{r.current}</span>
              </li>
            ))}
          </ul>
          {preview.replacedCount > preview.replaced.length && (
            <p className="text-slate-700">
              …and {plural(preview.replacedCount - preview.replaced.length, 'more number')}.
            </p>
          )}
        </div>
      )}
      {preview.skipped > 0 && (
        <p className="text-slate-700">
          {plural(preview.skipped, 'number')} in the selection{' '}
          {action === 'phone_override.set' ? 'already use this URL' : 'have no phone override'} and will be
          skipped.
        </p>
      )}
      <p className="text-slate-700">
        The URL is checked once, then each number is written and read back, with a change-log entry each.
      </p>
    </div>
  );
}

import { APP_CALLBACK_ONLY_FIELDS, OVERRIDE_FOLLOWING_FIELDS } from '@/lib/graph/constants';
import { CallbackUrl } from './callback-url';

interface WebhookFieldsProps {
  /** Where override-following fields go: the winning URL, or null when nothing is delivered. */
  winningUrl: string | null;
  applicationUrl: string | null;
  subscribed: boolean;
}

function FieldList({ fields }: { fields: readonly string[] }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-1.5">
      {fields.map((field) => (
        <li key={field} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-900">
          {field}
        </li>
      ))}
    </ul>
  );
}

/** Which webhook fields follow overrides and which always go to the app callback (docs/graph-facts.md §1). */
export function WebhookFields({ winningUrl, applicationUrl, subscribed }: WebhookFieldsProps) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <section aria-labelledby="fields-follow" className="rounded-md border border-slate-200 p-3">
        <h3 id="fields-follow" className="text-sm font-semibold text-slate-900">
          Follow the winning tier
        </h3>
        <p className="text-sm text-slate-800">
          {subscribed ? (
            <>
              Delivered to <CallbackUrl url={winningUrl} />
            </>
          ) : (
            'Not delivered: the app is not subscribed to this WABA.'
          )}
        </p>
        <FieldList fields={OVERRIDE_FOLLOWING_FIELDS} />
      </section>
      <section aria-labelledby="fields-app" className="rounded-md border border-slate-200 p-3">
        <h3 id="fields-app" className="text-sm font-semibold text-slate-900">
          Always go to the application callback
        </h3>
        <p className="text-sm text-slate-800">
          {subscribed ? (
            <>
              Delivered to <CallbackUrl url={applicationUrl} />, whatever the overrides say
            </>
          ) : (
            'Not delivered: the app is not subscribed to this WABA.'
          )}
        </p>
        <FieldList fields={APP_CALLBACK_ONLY_FIELDS} />
      </section>
    </div>
  );
}

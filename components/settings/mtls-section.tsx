import Link from 'next/link';
import { Timestamp } from '@/components/common/timestamp';
import type { ReceiverMtlsStatus } from '@/lib/receivers/mtls-status';

export interface MtlsServing {
  /** `npm start` serves HTTPS itself (TLS_CERT_FILE + TLS_KEY_FILE). */
  https: boolean;
  /** MTLS_CA_FILE is set; otherwise client certificates are checked against Node's roots. */
  caFile: boolean;
  /** MTLS_CLIENT_SUBJECT_HEADER, believed from TRUSTED_PROXIES only. */
  subjectHeader: string | null;
  trustedProxies: number;
}

function recentSummary(r: ReceiverMtlsStatus): string {
  if (r.recent.total === 0) return 'No deliveries yet';
  const parts = [`${r.recent.valid} valid`, `${r.recent.invalid} invalid`, `${r.recent.absent} without`];
  if (r.recent.notRecorded) parts.push(`${r.recent.notRecorded} not recorded`);
  return `Latest ${r.recent.total}: ${parts.join(' · ')}`;
}

/** What can and cannot be known about mTLS: Graph hides the App Dashboard toggle; receivers show what came. */
export function MtlsSection({
  appId,
  receivers,
  serving,
}: {
  appId: string;
  receivers: ReceiverMtlsStatus[];
  serving: MtlsServing;
}) {
  return (
    <div className="space-y-4 text-sm" data-testid="mtls-settings">
      <p>
        App <span className="font-mono text-xs">{appId}</span>: <strong>not readable.</strong> Graph does not
        expose the App Dashboard&apos;s mTLS toggle (WhatsApp › Configuration), so Switchboard cannot tell
        whether Meta presents a client certificate to this app&apos;s webhooks. It applies to the app&apos;s
        object subscription only, after its callback URL is verified, and must be turned on for each app. The
        deliveries below are the evidence.
      </p>
      <p>
        This server:{' '}
        {serving.https
          ? `serves HTTPS and asks for client certificates, checked against ${serving.caFile ? 'MTLS_CA_FILE' : "Node's root certificates (MTLS_CA_FILE unset)"}.`
          : 'serves plain HTTP (TLS_CERT_FILE and TLS_KEY_FILE unset).'}{' '}
        {serving.subjectHeader
          ? `A verified subject in ${serving.subjectHeader} is believed from ${serving.trustedProxies} trusted proxy range(s).`
          : 'No TLS terminator header is configured (MTLS_CLIENT_SUBJECT_HEADER).'}
      </p>
      {receivers.length === 0 ? (
        <p>No managed receivers.</p>
      ) : (
        <table className="w-full text-left">
          <caption className="sr-only">mTLS per managed receiver</caption>
          <thead>
            <tr className="border-b">
              <th className="py-1 pr-4 font-medium">Receiver</th>
              <th className="py-1 pr-4 font-medium">Requires mTLS</th>
              <th className="py-1 pr-4 font-medium">Recent client certificates</th>
              <th className="py-1 font-medium">Last valid</th>
            </tr>
          </thead>
          <tbody>
            {receivers.map((r) => (
              <tr key={r.id} className="border-b last:border-0">
                <td className="py-1 pr-4">
                  <Link className="underline underline-offset-2" href={`/receivers/${r.id}`}>
                    {r.name}
                  </Link>
                </td>
                <td className="py-1 pr-4">{r.requireMtls ? 'Yes' : 'No'}</td>
                <td className="py-1 pr-4">{recentSummary(r)}</td>
                <td className="py-1">{r.lastValidAt ? <Timestamp iso={r.lastValidAt} /> : 'Never'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

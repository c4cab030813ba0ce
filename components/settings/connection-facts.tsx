import type { ConnectionView } from '@/lib/settings/connection';

/** The Graph connection in use. Tokens and secrets are never shown, only whether they are configured. */
export function ConnectionFacts({ connection }: { connection: ConnectionView }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1.5 text-sm" data-testid="connection">
      <dt className="font-medium">Graph base URL</dt>
      <dd className="font-mono text-xs leading-5 break-all">{connection.graphBaseUrl}</dd>
      <dt className="font-medium">API version</dt>
      <dd className="font-mono text-xs leading-5">{connection.graphVersion}</dd>
      <dt className="font-medium">Mode</dt>
      <dd>{connection.sandboxMode ? 'Sandbox (the bundled Graph sandbox)' : 'Live Graph API'}</dd>
      <dt className="font-medium">App id</dt>
      <dd className="font-mono text-xs leading-5">{connection.appId}</dd>
      <dt className="font-medium">Business ids</dt>
      <dd>
        <ul className="flex flex-wrap gap-x-3 font-mono text-xs leading-5">
          {connection.businessIds.map((id) => (
            <li key={id}>{id}</li>
          ))}
        </ul>
      </dd>
      <dt className="font-medium">Access token</dt>
      <dd>Configured (GRAPH_ACCESS_TOKEN; never shown)</dd>
      <dt className="font-medium">App secret</dt>
      <dd>
        {connection.appSecretConfigured
          ? 'Configured (META_APP_SECRET; never shown)'
          : 'Not configured (META_APP_SECRET): the application tier cannot be read or changed'}
      </dd>
    </dl>
  );
}

import type { ReactNode } from 'react';
import { type ActingApp, ActingAppProvider } from './acting-app';

/**
 * A number or WABA page's forms, scoped to the app they change: the provider, and for an app other than the
 * default a line saying whose `what` (route, subscription) the page shows and changes.
 */
export function ActingAppScope({
  app,
  what,
  children,
}: {
  app: ActingApp;
  what: string;
  children: ReactNode;
}) {
  return (
    <ActingAppProvider app={app}>
      {!app.isDefault && (
        <p className="text-sm font-medium" data-testid="acting-app">
          Showing and changing the {what} of {app.label} (app {app.appId}).
        </p>
      )}
      {children}
    </ActingAppProvider>
  );
}

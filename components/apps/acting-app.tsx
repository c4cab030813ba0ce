'use client';

import { createContext, type ReactNode, useContext } from 'react';

/** The app whose route a page's forms read and change; without a provider, the default app. */
export interface ActingApp {
  /** Undefined for the default app: forms then send no `appId`, exactly as before apps became a parameter. */
  appId: string | undefined;
  label: string;
  isDefault: boolean;
  /** Every other configured app, so a form can say what stays as it is for them. */
  others?: { id: string; label: string }[];
}

const DEFAULT_APP: ActingApp = { appId: undefined, label: 'this app', isDefault: true };
const ActingAppContext = createContext<ActingApp>(DEFAULT_APP);

export function ActingAppProvider({ app, children }: { app: ActingApp; children: ReactNode }) {
  return <ActingAppContext.Provider value={app}>{children}</ActingAppContext.Provider>;
}

export function useActingApp(): ActingApp {
  return useContext(ActingAppContext);
}

/** The routing write's input with the acting app named (FormData or a plain object), so every form sends it. */
export function withActingApp<I>(input: I, appId: string | undefined): I {
  if (!appId) return input;
  if (input instanceof FormData) {
    input.set('appId', appId);
    return input;
  }
  if (input && typeof input === 'object') return { ...input, appId };
  return input;
}

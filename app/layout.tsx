import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

// The Content-Security-Policy nonce (proxy.ts) is per request: a page prerendered at build time would carry
// scripts without it, which the browser then refuses to run.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'Switchboard', template: '%s · Switchboard' },
  description: 'Where every WhatsApp number sends its webhooks, and who changed it.',
  // Served from public/; the proxy passes file paths through without a sign-in redirect.
  icons: { icon: '/icon.svg' },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}

import 'next-auth';

declare module 'next-auth' {
  /** The session only names the user; everything else is read from the database (lib/auth/session.ts). */
  interface Session {
    user?: { id: string };
  }
}

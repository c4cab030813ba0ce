import 'next-auth';

declare module 'next-auth' {
  /** The session only names the user; everything else is read from the database (lib/auth/session.ts). */
  interface Session {
    user?: { id: string; sv: number };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    /** users.session_version when the token was issued. */
    sv?: number;
  }
}

/**
 * proxy.ts passes the visited path and query to server code in this request header, so a page that finds
 * no session can send the visitor to sign in and back. Kept in its own module: proxy.ts cannot import
 * server-only code.
 */
export const REQUEST_URL_HEADER = 'x-switchboard-url';

/**
 * Graph ids in console paths (`/numbers/<id>`, `/wabas/<id>`). Crafted segments — invalid percent-encoding
 * such as `%ff%fe`, overlong UTF-8 such as `%C0%AE`, or hundreds of characters — used to reach the page and
 * answer 500; proxy.ts answers them 404 before any rendering. Pure: proxy.ts imports it.
 */
const ID_PATH = /^\/(numbers|wabas)\/([^/]+)\/?$/;
/** Graph ids are digits; the bound keeps a crafted path from reaching the database or Graph at all. */
const GRAPH_ID = /^\d{1,64}$/;

export function isMalformedIdPath(pathname: string): boolean {
  const match = ID_PATH.exec(pathname);
  if (!match?.[2]) return false;
  let id: string;
  try {
    id = decodeURIComponent(match[2]);
  } catch {
    return true;
  }
  return !GRAPH_ID.test(id);
}

import { nonexistingField } from '../errors';
import { type FieldSpec, serializeFields } from '../fields';
import { type PageLink, type PageRequest, paginate } from '../paging';
import type { SandboxState } from '../state';

export interface RenderContext {
  state: SandboxState;
  /** The token's app: `webhook_configuration` is always this app's view. */
  appId: string;
  /** Sandbox origin and Graph version, for absolute `paging.next` links. */
  origin: string;
  version: string;
  /** Carried into nested `paging.next` links only when the caller sent its token in the query (as Graph does). */
  linkToken?: string;
  /** The `shortPages` quirk: edges page short (see quirks.ts). */
  shortPages?: boolean;
}

export interface EdgeBody {
  data: Record<string, unknown>[];
  paging?: unknown;
  summary?: { total_count: number };
}

export interface EdgeDef<T> {
  validate(fields: FieldSpec[] | undefined): void;
  render(
    node: T,
    request: PageRequest,
    fields: FieldSpec[] | undefined,
    link: PageLink,
    ctx: RenderContext,
  ): EdgeBody;
}

export interface NodeType<T> {
  name: string;
  id?: (node: T) => string;
  defaultFields: string[];
  scalars: Record<string, (node: T, ctx: RenderContext) => unknown>;
  edges?: Record<string, EdgeDef<T>>;
}

/** An edge from T to items of another node type. Unpaged edges (subscribed_apps) return every item. */
export function defineEdge<T, I>(
  itemType: NodeType<I>,
  items: (node: T, ctx: RenderContext) => I[],
  options: { paged: boolean } = { paged: true },
): EdgeDef<T> {
  return {
    validate: (fields) => validateFields(itemType, fields),
    render(node, request, fields, link, ctx) {
      const all = items(node, ctx);
      if (!options.paged) return { data: all.map((item) => renderNode(itemType, item, fields, ctx)) };
      const page = paginate(all, { ...request, short: ctx.shortPages }, link);
      return {
        data: page.items.map((item) => renderNode(itemType, item, fields, ctx)),
        ...(page.paging && { paging: page.paging }),
        ...(page.summary && { summary: page.summary }),
      };
    },
  };
}

/** Checks every requested field up front, so an unknown field fails even when an edge page is empty. */
export function validateFields<T>(type: NodeType<T>, fields: FieldSpec[] | undefined): void {
  for (const spec of fields ?? []) {
    const edge = type.edges?.[spec.name];
    if (edge) edge.validate(spec.children);
    else if (!(spec.name in type.scalars)) throw nonexistingField(spec.name, type.name);
  }
}

const defaults = (names: string[]): FieldSpec[] => names.map((name) => ({ name, modifiers: {} }));

export function renderNode<T>(
  type: NodeType<T>,
  node: T,
  fields: FieldSpec[] | undefined,
  ctx: RenderContext,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of fields?.length ? fields : defaults(type.defaultFields)) {
    const edge = type.edges?.[spec.name];
    if (edge) {
      const nodeId = type.id?.(node) ?? '';
      out[spec.name] = edge.render(node, spec.modifiers, spec.children, nestedLink(ctx, nodeId, spec), ctx);
      continue;
    }
    const scalar = type.scalars[spec.name];
    if (!scalar) throw nonexistingField(spec.name, type.name);
    const value = selectKeys(scalar(node, ctx), spec.children);
    if (value !== undefined) out[spec.name] = value;
  }
  // Graph returns the id of every node even when it was not asked for.
  if (type.id && !('id' in out)) out.id = type.id(node);
  return out;
}

/** `throughput{level}`: keep only the requested keys of an object-valued field. */
function selectKeys(value: unknown, children: FieldSpec[] | undefined): unknown {
  if (!children?.length || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const source = value as Record<string, unknown>;
  return Object.fromEntries(children.filter((c) => c.name in source).map((c) => [c.name, source[c.name]]));
}

/** A nested edge continues on its own URL: `/<v>/<node id>/<edge>?fields=…&limit=…&after=…`. */
function nestedLink(ctx: RenderContext, nodeId: string, spec: FieldSpec): PageLink {
  return (cursor) => {
    const query = new URLSearchParams();
    if (spec.children?.length) query.set('fields', serializeFields(spec.children));
    for (const [key, value] of Object.entries(spec.modifiers)) {
      if (key !== 'after' && key !== 'before') query.set(key, value);
    }
    if (ctx.linkToken) query.set('access_token', ctx.linkToken);
    for (const [key, value] of Object.entries(cursor)) query.set(key, value);
    return `${ctx.origin}/${ctx.version}/${nodeId}/${spec.name}?${query}`;
  };
}

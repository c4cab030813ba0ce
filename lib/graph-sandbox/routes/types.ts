import type { SandboxContext } from '../context';
import type { RenderContext } from '../nodes/render';
import type { ParsedRequest } from '../request';
import type { NodeRef, TokenInfo } from '../state';

/** What every Graph handler receives: the parsed call, its token's app, and the node it addresses. */
export interface GraphCall {
  ctx: SandboxContext;
  request: ParsedRequest;
  auth: TokenInfo;
  node: NodeRef;
  edge: string | undefined;
  render: RenderContext;
  /** Absolute URL of this call without its query, for top-level `paging.next`. */
  baseUrl: string;
  query: URLSearchParams;
}

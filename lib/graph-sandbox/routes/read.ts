import { nonexistingField } from '../errors';
import { type FieldSpec, parseFields } from '../fields';
import { appType, businessType } from '../nodes/business';
import { phoneNumberType } from '../nodes/phone-number';
import { type EdgeBody, type NodeType, renderNode, validateFields } from '../nodes/render';
import { wabaType } from '../nodes/waba';
import { stringParam } from '../request';
import type { NodeRef } from '../state';
import type { GraphCall } from './types';

/** The node type and value behind a resolved id, erased to a renderer so callers need not know the kind. */
function typed(node: NodeRef): { type: NodeType<unknown>; value: unknown } {
  switch (node.kind) {
    case 'business':
      return { type: businessType as NodeType<unknown>, value: node.business };
    case 'waba':
      return { type: wabaType as NodeType<unknown>, value: node.waba };
    case 'phone':
      return { type: phoneNumberType as NodeType<unknown>, value: node.phone };
    case 'app':
      return { type: appType as NodeType<unknown>, value: node.app };
  }
}

function fieldsOf(call: GraphCall): FieldSpec[] | undefined {
  const fields = stringParam(call.request.params, 'fields');
  return fields ? parseFields(fields) : undefined;
}

/** `GET /<id>?fields=…` */
export function readNode(call: GraphCall): Record<string, unknown> {
  const { type, value } = typed(call.node);
  const fields = fieldsOf(call);
  validateFields(type, fields);
  return renderNode(type, value, fields, call.render);
}

/** `GET /<id>/<edge>?fields=…&limit=…&after=…&summary=total_count` */
export function readEdge(call: GraphCall, edgeName: string): EdgeBody {
  const { type, value } = typed(call.node);
  const edge = type.edges?.[edgeName];
  if (!edge) throw nonexistingField(edgeName, type.name);
  const fields = fieldsOf(call);
  edge.validate(fields);
  const params = call.request.params;
  const page = {
    limit: stringParam(params, 'limit'),
    after: stringParam(params, 'after'),
    before: stringParam(params, 'before'),
    summary: stringParam(params, 'summary'),
  };
  // `paging.next` repeats the caller's own query (token included, as Graph does) with the new cursor.
  return edge.render(
    value,
    page,
    fields,
    (cursor) => {
      const query = new URLSearchParams(call.query);
      query.delete('after');
      query.delete('before');
      for (const [key, cursorValue] of Object.entries(cursor)) query.set(key, cursorValue);
      return `${call.baseUrl}?${query}`;
    },
    call.render,
  );
}

import type { App, Business } from '../types';
import { defineEdge, type NodeType } from './render';
import { wabaType } from './waba';

export const businessType: NodeType<Business> = {
  name: 'Business',
  id: (b) => b.id,
  defaultFields: ['id', 'name'],
  scalars: {
    id: (b) => b.id,
    name: (b) => b.name,
  },
  edges: {
    owned_whatsapp_business_accounts: defineEdge(wabaType, (b, ctx) => ctx.state.ownedWabas(b.id)),
    client_whatsapp_business_accounts: defineEdge(wabaType, (b, ctx) => ctx.state.clientWabas(b.id)),
  },
};

export const appType: NodeType<App> = {
  name: 'Application',
  id: (a) => a.id,
  defaultFields: ['id', 'name', 'link'],
  scalars: {
    id: (a) => a.id,
    name: (a) => a.name,
    link: (a) => `https://www.facebook.com/games/?app_id=${a.id}`,
  },
};

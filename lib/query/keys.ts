/**
 * Query key factories, one per feature. Every key starts with the feature name so a write can invalidate a
 * whole feature (`wabaKeys.all`) or one entry (`numberKeys.detail(id)`).
 */
export interface WabaListParams {
  q: string;
  page: number;
}

export const overviewKeys = {
  all: ['overview'] as const,
};

export const wabaKeys = {
  all: ['wabas'] as const,
  lists: () => [...wabaKeys.all, 'list'] as const,
  list: (params: WabaListParams) => [...wabaKeys.lists(), params] as const,
  details: () => [...wabaKeys.all, 'detail'] as const,
  detail: (wabaId: string) => [...wabaKeys.details(), wabaId] as const,
};

export const numberKeys = {
  all: ['numbers'] as const,
  details: () => [...numberKeys.all, 'detail'] as const,
  detail: (phoneNumberId: string) => [...numberKeys.details(), phoneNumberId] as const,
};

// The SDK ships no TypeScript types; these cover only what sdk-compat.test.ts calls, as its source defines them.
declare module 'facebook-nodejs-business-sdk' {
  export class FacebookAdsApi {
    static readonly GRAPH: string;
    static readonly VERSION: string;
    static init(accessToken: string, locale?: string, crashLog?: boolean): FacebookAdsApi;
    constructor(accessToken: string, locale?: string, crashLog?: boolean);
    call(method: string, path: string[], params?: Record<string, unknown>): Promise<Record<string, unknown>>;
  }
  export class AbstractCrudObject {
    constructor(id?: string, fields?: Record<string, unknown>, parentId?: string, api?: FacebookAdsApi);
    id: string;
    _data: Record<string, unknown>;
    read(fields: string[], params?: Record<string, unknown>): Promise<this>;
    /** POST /<id> with its data (id included) as the body. */
    update(params?: Record<string, unknown>): Promise<Record<string, unknown>>;
    static getByIds<T>(
      this: new (
        ...args: never[]
      ) => T,
      ids: string[],
      fields: string[],
      params: Record<string, unknown>,
      api: FacebookAdsApi,
    ): Promise<T[]>;
  }
  export class WhatsAppBusinessAccount extends AbstractCrudObject {
    getSubscribedApps(
      fields: string[],
      params?: Record<string, unknown>,
      fetchFirstPage?: boolean,
    ): Promise<Array<{ _data: Record<string, unknown> }>>;
    createSubscribedApp(fields: string[], params?: Record<string, unknown>): Promise<WhatsAppBusinessAccount>;
    deleteSubscribedApps(params?: Record<string, unknown>): Promise<Record<string, unknown>>;
  }
}

import type { Request, Response } from "express";
import { DataSource } from "typeorm";
import { AuthConfig } from "../config";
import { Viewer } from "../modules/auth/viewer";
import { createActorLoaders } from "../modules/actors/actor.loaders";
import { createCooperationLoaders } from "../modules/cooperations/cooperation.loaders";
import { createHandlerLoaders } from "../modules/handlers/handler.loaders";
import { createMeasureLoaders } from "../modules/measures/measure.loaders";
import { createNetworkLoaders } from "../modules/networks/network.loaders";
import { createOverlapLoaders } from "../modules/overlaps/overlap.service";
import { createTaxonomyLoaders } from "../modules/taxonomy/taxonomy.loaders";

export function createLoaders(ds: DataSource) {
  return {
    ...createTaxonomyLoaders(ds),
    ...createActorLoaders(ds),
    ...createMeasureLoaders(ds),
    ...createHandlerLoaders(ds),
    ...createNetworkLoaders(ds),
    ...createCooperationLoaders(ds),
    ...createOverlapLoaders(ds),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Everything a resolver or service needs for one request. */
export interface Context {
  ds: DataSource;
  loaders: Loaders;
  /** The logged-in account, or null for an anonymous visitor. */
  viewer: Viewer | null;
  auth: AuthConfig;
  ip: string | null;
  req?: Request;
  res?: Response;
}

export function createContext(ds: DataSource, auth: AuthConfig, viewer: Viewer | null = null, http: { req?: Request; res?: Response } = {}): Context {
  return { ds, loaders: createLoaders(ds), viewer, auth, ip: http.req?.ip ?? null, req: http.req, res: http.res };
}

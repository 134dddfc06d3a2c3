// What the hostile run sends requests to, read from the build and the code, never a hand list of
// URLs: every page and route handler the build serves (readBuiltRoutes), every API operation the
// OpenAPI catalog lists (with its own query and body keys), and every server action id of the
// build's server-reference-manifest.json on a page that holds it.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { API_CATALOG } from "../../lib/api/openapi/api-catalog";
import { SEARCH_TABS } from "../../lib/audit/tabs/search-tabs";
import { readBuiltRoutes } from "../lib/app-routes";

export interface Target {
  /** "page /audit/logins", "PUT /api/audit/config/coverage", "action on /audit/config" */
  name: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** dynamic segments as "[id]", "[...nextauth]" or "{space}" */
  path: string;
  queryKeys: readonly string[];
  /** the keys of the JSON body it takes; undefined: it takes none */
  bodyKeys?: readonly string[];
  /** a server action's id, sent as Next-Action */
  actionId?: string;
}

/** The query keys of the pages: every tab's fields, paging and sort, the entity pages' range and sign-in's. */
const PAGE_QUERY_KEYS = [
  ...new Set([
    ...Object.values(SEARCH_TABS).flatMap((tab) => Object.keys(tab.labels)),
    "range",
    "from",
    "to",
    "cursor",
    "page",
    "sort",
    "callbackUrl",
    "signedOut",
    "error",
  ]),
];

/** The keys of an object schema, through the wrappers and pipes around it. */
export function objectKeys(schema: z.ZodType | undefined): string[] {
  let current: unknown = schema;
  for (let depth = 0; depth < 10 && current; depth++) {
    const def = (current as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return [];
    if (def.type === "object") return Object.keys(def.shape as object);
    current = def.in ?? def.innerType ?? def.schema;
  }
  return [];
}

/** next-auth's own paths under /api/auth/[...nextauth]. */
const NEXT_AUTH_ACTIONS = ["signin", "signin/credentials", "callback/credentials", "csrf", "session", "providers", "signout", "error"];

function apiTargets(): Target[] {
  return API_CATALOG.map((operation) => ({
    name: `${operation.method.toUpperCase()} ${operation.path}`,
    method: operation.method.toUpperCase() as Target["method"],
    path: operation.path,
    queryKeys: objectKeys(operation.query),
    bodyKeys: operation.body ? objectKeys(operation.body.schema) : undefined,
  }));
}

function builtTargets(nextDir: string): Target[] {
  const documented = new Set(API_CATALOG.map((operation) => operation.path.replace(/\{(\w+)\}/g, "[$1]")));
  const targets: Target[] = [];
  for (const route of readBuiltRoutes(nextDir)) {
    if (route.kind === "page") {
      targets.push({ name: `page ${route.path}`, method: "GET", path: route.path, queryKeys: PAGE_QUERY_KEYS });
    } else if (route.path === "/api/auth/[...nextauth]") {
      for (const action of NEXT_AUTH_ACTIONS) {
        const keys = ["callbackUrl", "csrfToken", "username", "password", "json", "error"];
        targets.push({ name: `GET /api/auth/${action}`, method: "GET", path: `/api/auth/${action}`, queryKeys: keys });
        targets.push({ name: `POST /api/auth/${action}`, method: "POST", path: `/api/auth/${action}`, queryKeys: keys, bodyKeys: keys });
      }
    } else if (!documented.has(route.path)) {
      // Undocumented routes (health, the catch-alls, icons): whatever method and body a client may send.
      targets.push({ name: `GET ${route.path}`, method: "GET", path: route.path, queryKeys: [] });
      targets.push({ name: `POST ${route.path}`, method: "POST", path: route.path, queryKeys: [], bodyKeys: [] });
    }
  }
  // Next's own error page, asked for by name (issue 17 found it answering 500).
  targets.push({ name: "page /_global-error", method: "GET", path: "/_global-error", queryKeys: [] });
  return targets;
}

interface ServerReferenceManifest {
  node?: Record<string, { workers: Record<string, unknown> }>;
}

/** Every server action, POSTed to the first page that holds it (any page of the app answers for any action id it knows). */
function actionTargets(nextDir: string): Target[] {
  const manifest = JSON.parse(readFileSync(path.join(nextDir, "server", "server-reference-manifest.json"), "utf8")) as ServerReferenceManifest;
  const urls = JSON.parse(readFileSync(path.join(nextDir, "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  return Object.entries(manifest.node ?? {}).flatMap(([id, { workers }]) => {
    const page = Object.keys(workers)
      .map((worker) => urls[worker.replace(/^app/, "")])
      .find((url) => url && !url.includes("["));
    return page ? [{ name: `action on ${page}`, method: "POST" as const, path: page, queryKeys: [], bodyKeys: [], actionId: id }] : [];
  });
}

export function hostileTargets(nextDir: string): Target[] {
  return [...builtTargets(nextDir), ...apiTargets(), ...actionTargets(nextDir)];
}

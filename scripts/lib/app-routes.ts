// The console's pages and route handlers as the production build lists them, for the access spec
// (e2e/access/unauthorized.spec.ts): it walks all of them, so a new page or route cannot go
// unchecked. Next writes every app entry to .next/server/app-paths-manifest.json and the URL it
// serves to .next/app-path-routes-manifest.json (route groups and @slots left out).
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export type RouteKind = "page" | "route";

export interface AppRoute {
  kind: RouteKind;
  /** the URL path, dynamic segments in brackets: "/users/[id]", "/api/export/[file]" */
  path: string;
  /** the build's entries that answer at this path: "/(console)/audit/artifacts/page", its "@modal/page" */
  entries: string[];
}

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Next's own entries: the error pages it renders for every app, at no URL of ours. */
const NEXT_INTERNAL = new Set(["/_not-found", "/_global-error"]);

function readManifest(file: string): Record<string, string> {
  if (!existsSync(file)) throw new Error(`${file} is missing: build the app first (npm run build)`);
  const manifest: unknown = JSON.parse(readFileSync(file, "utf8"));
  if (typeof manifest !== "object" || manifest === null || Array.isArray(manifest)) throw new Error(`${file} is not a JSON object`);
  return manifest as Record<string, string>;
}

/**
 * The URL an intercepting route answers at: "/audit/artifacts/(..)changes/[id]" is what
 * "/audit/changes/[id]" shows when opened from /audit/artifacts. (.) is this level, (..) one up,
 * (..)(..) two up, (...) the root.
 */
export function interceptedPath(routePath: string): string {
  const segments: string[] = [];
  for (const segment of routePath.split("/").filter(Boolean)) {
    const marker = /^(\(\.\.\.\)|(?:\(\.\.\))+|\(\.\))/.exec(segment)?.[1];
    if (marker === "(...)") segments.length = 0;
    else if (marker?.startsWith("(..)")) segments.splice(segments.length - marker.length / 4);
    segments.push(marker ? segment.slice(marker.length) : segment);
  }
  return `/${segments.join("/")}`;
}

/** Every page and route handler of the build, by URL path, in the manifest's order. */
export function readBuiltRoutes(nextDir = ".next"): AppRoute[] {
  const entries = Object.keys(readManifest(path.join(nextDir, "server", "app-paths-manifest.json")));
  const urls = readManifest(path.join(nextDir, "app-path-routes-manifest.json"));
  const routes = new Map<string, AppRoute>();
  for (const entry of entries) {
    const kind = entry.endsWith("/page") ? "page" : entry.endsWith("/route") ? "route" : null;
    const url = urls[entry];
    if (!kind || typeof url !== "string") throw new Error(`${entry}: the build names no page or route handler and URL for it`);
    if (NEXT_INTERNAL.has(url)) continue;
    const routePath = interceptedPath(url);
    const key = `${kind} ${routePath}`;
    const known = routes.get(key);
    if (known) known.entries.push(entry);
    else routes.set(key, { kind, path: routePath, entries: [entry] });
  }
  return [...routes.values()];
}

const SOURCE_FILE = /^(page|route)\.(tsx?|jsx?)$/;

/** The manifest entries the sources under `appDir` make: "/(console)/audit/logins/page", ... */
export function sourceEntries(appDir = "app"): string[] {
  const found: string[] = [];
  function walk(dir: string): void {
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      // A folder named _x is private: not routed, whatever it holds.
      if (statSync(file).isDirectory()) {
        if (!name.startsWith("_")) walk(file);
        continue;
      }
      const match = SOURCE_FILE.exec(name);
      if (match) found.push(`/${path.relative(appDir, path.join(dir, match[1])).split(path.sep).join("/")}`);
    }
  }
  walk(appDir);
  return found;
}

/** A dynamic segment, such as [id], [...missing] or [[...slug]], that has no sample value. */
export class MissingSampleError extends Error {
  constructor(
    readonly segment: string,
    readonly routePath: string,
  ) {
    super(`no sample value for the dynamic segment ${segment} of ${routePath}`);
    this.name = "MissingSampleError";
  }
}

/** The URLs to request for a route path: each dynamic segment replaced by each of its sample values. */
export function fillSegments(routePath: string, samples: Readonly<Record<string, readonly string[]>>): string[] {
  let urls = [""];
  for (const segment of routePath.split("/").filter(Boolean)) {
    const dynamic = segment.startsWith("[") && segment.endsWith("]");
    const values = !dynamic ? [segment] : Object.hasOwn(samples, segment) ? samples[segment] : undefined;
    if (!values || values.length === 0) throw new MissingSampleError(segment, routePath);
    urls = urls.flatMap((url) => values.map((value) => `${url}/${value}`));
  }
  return urls.map((url) => url || "/");
}

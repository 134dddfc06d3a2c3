import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fillSegments, interceptedPath, MissingSampleError, readBuiltRoutes, sourceEntries } from "./app-routes";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "app-routes-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(file: string, text: string): string {
  const full = path.join(dir, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
  return full;
}

/** A build's two manifests, as Next 16 writes them, for these entries and URLs. */
function writeManifests(urls: Record<string, string>): void {
  write(".next/server/app-paths-manifest.json", JSON.stringify(Object.fromEntries(Object.keys(urls).map((entry) => [entry, `app${entry}.js`]))));
  write(".next/app-path-routes-manifest.json", JSON.stringify(urls));
}

describe("interceptedPath", () => {
  it("resolves (.), (..), (..)(..) and (...) to the path they intercept", () => {
    expect(interceptedPath("/audit/artifacts/(..)changes/[id]")).toBe("/audit/changes/[id]");
    expect(interceptedPath("/feed/(.)photo/[id]")).toBe("/feed/photo/[id]");
    expect(interceptedPath("/a/b/c/(..)(..)x")).toBe("/a/x");
    expect(interceptedPath("/a/b/(...)login")).toBe("/login");
    expect(interceptedPath("/users/[id]")).toBe("/users/[id]");
    expect(interceptedPath("/")).toBe("/");
  });
});

describe("readBuiltRoutes", () => {
  it("lists pages and route handlers by URL, once each, without Next's own error pages", () => {
    writeManifests({
      "/(console)/audit/artifacts/@modal/(..)changes/[id]/page": "/audit/artifacts/(..)changes/[id]",
      "/(console)/audit/artifacts/@modal/page": "/audit/artifacts",
      "/(console)/audit/artifacts/page": "/audit/artifacts",
      "/(console)/audit/changes/[id]/page": "/audit/changes/[id]",
      "/(console)/page": "/",
      "/_global-error/page": "/_global-error",
      "/_not-found/page": "/_not-found",
      "/api/export/[file]/route": "/api/export/[file]",
      "/favicon.ico/route": "/favicon.ico",
    });
    expect(readBuiltRoutes(path.join(dir, ".next"))).toEqual([
      {
        kind: "page",
        path: "/audit/changes/[id]",
        entries: ["/(console)/audit/artifacts/@modal/(..)changes/[id]/page", "/(console)/audit/changes/[id]/page"],
      },
      { kind: "page", path: "/audit/artifacts", entries: ["/(console)/audit/artifacts/@modal/page", "/(console)/audit/artifacts/page"] },
      { kind: "page", path: "/", entries: ["/(console)/page"] },
      { kind: "route", path: "/api/export/[file]", entries: ["/api/export/[file]/route"] },
      { kind: "route", path: "/favicon.ico", entries: ["/favicon.ico/route"] },
    ]);
  });

  it("names the manifest that is missing", () => {
    expect(() => readBuiltRoutes(path.join(dir, ".next"))).toThrow(/app-paths-manifest\.json is missing: build the app first/);
    write(".next/server/app-paths-manifest.json", "{}");
    expect(() => readBuiltRoutes(path.join(dir, ".next"))).toThrow(/app-path-routes-manifest\.json is missing/);
  });

  it("refuses an entry the build gives no URL", () => {
    write(".next/server/app-paths-manifest.json", JSON.stringify({ "/(console)/audit/page": "app/(console)/audit/page.js" }));
    write(".next/app-path-routes-manifest.json", "{}");
    expect(() => readBuiltRoutes(path.join(dir, ".next"))).toThrow("/(console)/audit/page: the build names no page or route handler and URL for it");
  });
});

describe("sourceEntries", () => {
  it("names each page and route file as the manifest does, skipping private folders", () => {
    write("app/(console)/page.tsx", "");
    write("app/(console)/users/[id]/page.tsx", "");
    write("app/(console)/users/[id]/_components/page.tsx", "");
    write("app/(console)/users/[id]/user-header.tsx", "");
    write("app/api/export/[file]/route.ts", "");
    write("app/layout.tsx", "");
    expect(sourceEntries(path.join(dir, "app"))).toEqual(["/(console)/page", "/(console)/users/[id]/page", "/api/export/[file]/route"]);
  });
});

describe("fillSegments", () => {
  const samples = { "[id]": ["1"], "[file]": ["logins.csv", "artifacts.xlsx"] };

  it("puts each sample value in its dynamic segment", () => {
    expect(fillSegments("/", samples)).toEqual(["/"]);
    expect(fillSegments("/audit/logins", samples)).toEqual(["/audit/logins"]);
    expect(fillSegments("/users/[id]", samples)).toEqual(["/users/1"]);
    expect(fillSegments("/api/[id]/[file]", samples)).toEqual(["/api/1/logins.csv", "/api/1/artifacts.xlsx"]);
  });

  it("names a dynamic segment without a sample value", () => {
    expect(() => fillSegments("/docs/[slug]", samples)).toThrow(new MissingSampleError("[slug]", "/docs/[slug]"));
    expect(() => fillSegments("/docs/[slug]", samples)).toThrow("no sample value for the dynamic segment [slug] of /docs/[slug]");
    expect(() => fillSegments("/x/[constructor]", samples)).toThrow(MissingSampleError);
  });
});

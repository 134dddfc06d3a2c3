// Builds the Next.js app when the build is missing or older than its sources. The stamp is a hash
// of every file the build reads, so a pull, an edit or a new dependency triggers a rebuild.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "postcss.config.cjs",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
  "scripts/build-workers.ts",
  "scripts/lib/bundle.ts",
];
const SKIP = new Set(["node_modules", ".next", ".data"]);
const STAMP = path.join(".next", "audit-console-source-hash");

function walk(entry: string, files: string[]): void {
  if (!existsSync(entry)) return;
  if (statSync(entry).isDirectory()) {
    for (const child of readdirSync(entry).sort()) if (!SKIP.has(child)) walk(path.join(entry, child), files);
  } else if (!/\.test\.tsx?$/.test(entry)) {
    files.push(entry);
  }
}

export function sourceHash(): string {
  const files: string[] = [];
  for (const input of INPUTS) walk(input, files);
  const hash = createHash("sha256");
  for (const file of files) hash.update(file).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

export function buildIsFresh(): boolean {
  return existsSync(path.join(".next", "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === sourceHash();
}

/** `npm run build` unless the current build was made from the same sources: `next build`, then the worker threads' bundles. */
export function ensureBuild(log: (line: string) => void = console.log): void {
  if (buildIsFresh()) return;
  log("Building the app (next build; about a minute on 2 cores)...");
  const hash = sourceHash();
  const steps: Array<[string, string[]]> = [
    ["next build", ["node_modules/next/dist/bin/next", "build"]],
    ["the workers' build", ["--import", "tsx", "scripts/build-workers.ts"]],
  ];
  for (const [name, args] of steps) {
    const result = spawnSync(process.execPath, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (result.status !== 0) throw new Error(`${name} failed (see above)`);
  }
  writeFileSync(STAMP, hash);
}

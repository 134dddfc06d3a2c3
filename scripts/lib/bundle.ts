// Bundles for plain Node made with esbuild: the worker threads' (beside Next's build in .next/,
// which `next build` empties first: the PDF export lays out its documents in one,
// lib/export/pdf-writer.ts; CSV and JSON lines on PostgreSQL are made in another,
// lib/export/text-export-job.ts; the checkpoint job runs in a third, lib/audit/integrity/checkpoint-thread.ts)
// and bench:export's own. npm packages stay in node_modules, as for
// the server.
import path from "node:path";
import { build, type Plugin } from "esbuild";

export const WORKERS = [
  { entry: "lib/export/pdf-worker.ts", outfile: ".next/audit-workers/pdf-worker.mjs" },
  { entry: "lib/export/text-export-worker.ts", outfile: ".next/audit-workers/text-export-worker.mjs" },
  { entry: "lib/audit/integrity/checkpoint-worker.ts", outfile: ".next/audit-workers/checkpoint-worker.mjs" },
] as const;

/**
 * `entry` as one ES module for plain Node, its npm packages left to node_modules as the server leaves
 * them. The workers' builds and bench:export's run of itself are made this way.
 */
export async function bundleForNode(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
    plugins: [serverOnlyIsServer],
  });
}

// A worker is server code: `import "server-only"` (which throws outside React's server bundles, to
// keep database code out of the browser's) is left out of it, as Next's server build resolves it to nothing.
const serverOnlyIsServer: Plugin = {
  name: "server-only-is-server",
  setup(builder) {
    builder.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "server-only" }));
    builder.onLoad({ filter: /.*/, namespace: "server-only" }, () => ({ contents: "", loader: "js" }));
  },
};

/** Bundles each worker into `outDir` (default: beside the project's build). */
export async function buildWorkers(root = process.cwd(), outDir?: string): Promise<string[]> {
  const files: string[] = [];
  for (const worker of WORKERS) {
    const outfile = outDir ? path.join(outDir, path.basename(worker.outfile)) : path.join(root, worker.outfile);
    await bundleForNode(path.join(root, worker.entry), outfile);
    files.push(outfile);
  }
  return files;
}

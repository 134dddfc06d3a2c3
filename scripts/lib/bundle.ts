// Bundles for plain Node made with esbuild: the worker threads' (beside Next's build in .next/,
// which `next build` empties first: the PDF export lays out its documents in one,
// lib/export/pdf-writer.ts; CSV and JSON lines on PostgreSQL are made in another,
// lib/export/text-export-job.ts) and bench:export's own. npm packages stay in node_modules, as for
// the server.
import path from "node:path";
import { build } from "esbuild";

export const WORKERS = [
  { entry: "lib/export/pdf-worker.ts", outfile: ".next/audit-workers/pdf-worker.mjs" },
  { entry: "lib/export/text-export-worker.ts", outfile: ".next/audit-workers/text-export-worker.mjs" },
] as const;

/**
 * `entry` as one ES module for plain Node, its npm packages left to node_modules as the server leaves
 * them. The workers' builds and bench:export's run of itself are made this way.
 */
export async function bundleForNode(entry: string, outfile: string): Promise<void> {
  await build({ entryPoints: [entry], outfile, bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", logLevel: "warning" });
}

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

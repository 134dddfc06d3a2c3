// Where the worker threads are (the exports' and the checkpoint job's): bundles that `npm run build`
// makes beside Next's build (scripts/build-workers.ts), or a file an environment variable names.
// Without one (next dev, unit tests) the work runs on the server's own thread.
import { existsSync } from "node:fs";
import path from "node:path";

export function workerFile(name: "pdf-worker" | "text-export-worker" | "checkpoint-worker", variable: string): string | null {
  const file = process.env[variable] || path.join(/*turbopackIgnore: true*/ process.cwd(), ".next", "audit-workers", `${name}.mjs`);
  return existsSync(/*turbopackIgnore: true*/ file) ? file : null;
}

// npm run build's second step (after \`next build\`): the worker threads' bundles in .next/.
import path from "node:path";
import { buildWorkers } from "./lib/bundle";

buildWorkers().then(
  (files) => console.log(`Workers built: ${files.map((file) => path.relative(process.cwd(), file)).join(", ")}`),
  (error: unknown) => {
    console.error(`Building the workers failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

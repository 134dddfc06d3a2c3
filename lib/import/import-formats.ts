// The formats `npm run import` reads, by the name --format takes.
import { blueprintReader } from "./blueprint-reader";
import type { EventReader } from "./import-reader";
import { jsonlReader } from "./jsonl-reader";
import { sonatypeReader } from "./sonatype-reader";

export const IMPORT_FORMATS = {
  jsonl: { reader: jsonlReader, description: "the console's own JSON-lines export, of any tab" },
  "sonatype-jsonl": { reader: sonatypeReader, description: "Sonatype Lifecycle's audit log, one JSON object a line" },
  "blueprint-csv": { reader: blueprintReader, description: "Blueprint's audit CSV, with its header line; times in --time-zone" },
} as const satisfies Record<string, { reader: EventReader; description: string }>;

export type ImportFormat = keyof typeof IMPORT_FORMATS;

export function isImportFormat(name: string): name is ImportFormat {
  return Object.hasOwn(IMPORT_FORMATS, name);
}

// The import straight into the database (no --url): the events of a named source, stored as the
// ingestion API stores them (ingestEvents, after validateEvents); the source is made if missing.
import "server-only";
import { sourceNameSchema } from "@/lib/audit/events/sources";
import type { Database } from "@/lib/db";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import type { ImportSink } from "./import-sink";

/** A sink into `database`, which must be the app's database (setDb): ingestEvents writes there. */
export async function databaseSink(database: Database, sourceName: string): Promise<ImportSink> {
  const source = sourceNameSchema.parse(sourceName);
  await database.prisma.eventSource.upsert({ where: { name: source }, create: { name: source }, update: {} });
  return {
    target: `source "${source}" in ${database.location}`,
    // The batch went through validateEvents as it was made (lib/import/import-reader.ts).
    send: (batch) => ingestEvents(source, batch.events),
  };
}

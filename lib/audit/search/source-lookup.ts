// The sources the Sources filter offers: the console's own events and every registered sending
// system, by name (a handful: the form gets them all with the page). Guarded: audit readers only.
import "server-only";
import { requireAuditReader } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { type SourceOption, sourceOptionsOf } from "../events/sources";
import { sourcesField } from "../tabs/search-field";

/** Every choice of the Sources filter, with the chosen names no source has at the end. */
export async function sourceOptions(chosen: string[]): Promise<SourceOption[]> {
  await requireAuditReader();
  const wanted = sourcesField.schema.parse(chosen);
  const sources = await getDb().prisma.eventSource.findMany({ orderBy: { name: "asc" }, select: { name: true } });
  return sourceOptionsOf(
    sources.map((source) => source.name),
    wanted,
  );
}

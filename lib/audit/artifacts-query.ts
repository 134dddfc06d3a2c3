// The Artifacts search, for the page, the exports and the API: guarded, validated, one page of rows.
import { requireAuditReader } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { getAdminTimeZone } from "@/lib/time/admin-time-zone";
import { ARTIFACT_FIELD_LABELS, artifactSearchSchema, artifactsOrderBy, artifactsWhere } from "./artifacts-filters";
import type { EventRow } from "./events/event-rows";
import { pageOfEventRows } from "./search/list-query";
import { parseFilters } from "./search/filter-schema";
import type { ListResult } from "./search/list-result";
import type { SearchOptions } from "./logins-query";

export type ArtifactRow = EventRow;

/**
 * One page of work item and artifact events matching `input` (an ArtifactSearch). Throws AuthError
 * without an audit reader, FilterValidationError (status 400, naming the field) for bad input.
 */
export async function searchArtifacts(input: unknown, options: SearchOptions = {}): Promise<ListResult<ArtifactRow>> {
  await requireAuditReader();
  const search = parseFilters(artifactSearchSchema, input, ARTIFACT_FIELD_LABELS);
  const timeZone = options.timeZone ?? (await getAdminTimeZone());
  const where = artifactsWhere(search, timeZone, options.now ?? new Date());
  return pageOfEventRows(getDb().prisma, where, artifactsOrderBy(search.sort), search);
}

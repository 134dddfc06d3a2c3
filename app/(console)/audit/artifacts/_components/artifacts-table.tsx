"use client";

import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DEFAULT_ARTIFACT_SORT, type ArtifactSort } from "@/lib/audit/artifacts-filters";
import type { ArtifactRow } from "@/lib/audit/artifacts-query";
import { artifactsColumns } from "./artifacts-columns";

const rowId = (row: ArtifactRow) => row.id;

export function ArtifactsTable({ rows, sort, timeZone }: { rows: ArtifactRow[]; sort: ArtifactSort; timeZone: string }) {
  const columns = useMemo(() => artifactsColumns(timeZone), [timeZone]);
  return <DataTable label="Work item and artifact events" columns={columns} rows={rows} getRowId={rowId} sort={sort} defaultSort={DEFAULT_ARTIFACT_SORT} />;
}

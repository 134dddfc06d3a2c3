"use client";

import { useMemo, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import type { ApiTokenSummary } from "@/lib/auth/api-tokens/api-tokens";
import { apiTokenColumns } from "./api-token-columns";
import { ApiTokenRevoke } from "./api-token-revoke";

const rowId = (token: ApiTokenSummary) => String(token.id);

export function ApiTokenTable({ tokens, timeZone, now }: { tokens: ApiTokenSummary[]; timeZone: string; now: Date }) {
  const [revoking, setRevoking] = useState<ApiTokenSummary | null>(null);
  const columns = useMemo(() => apiTokenColumns({ timeZone, now, onRevoke: setRevoking }), [timeZone, now]);
  return (
    <>
      <DataTable label="API tokens" columns={columns} rows={tokens} getRowId={rowId} />
      <ApiTokenRevoke token={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}

import { DataTableSkeleton } from "@/components/data-table/data-table-states";
import { LOGIN_COLUMN_LABELS } from "./logins-column-labels";

export function LoginsSkeleton({ rows }: { rows: number }) {
  return <DataTableSkeleton columns={Object.values(LOGIN_COLUMN_LABELS)} rows={rows} label="Loading login events" />;
}

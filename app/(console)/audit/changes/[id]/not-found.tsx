import { Paper } from "@mantine/core";
import { DataTableEmpty } from "@/components/data-table/data-table-states";

export default function ChangesNotFound() {
  return (
    <Paper withBorder radius="md">
      <DataTableEmpty
        title="No such event"
        description="There is no audit event with this id. It may have been removed by the retention job."
        action={{ label: "Back to Artifacts", href: "/audit/artifacts" }}
      />
    </Paper>
  );
}

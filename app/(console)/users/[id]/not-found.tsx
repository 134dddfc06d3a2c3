import { Paper } from "@mantine/core";
import { DataTableEmpty } from "@/components/data-table/data-table-states";

export default function UserNotFound() {
  return (
    <Paper withBorder radius="md" maw={720} mx="auto">
      <DataTableEmpty
        title="No such user"
        description="There is no user with this id. The user may have been deleted; their events keep the name they had."
        action={{ label: "Back to Audit", href: "/audit/logins" }}
      />
    </Paper>
  );
}

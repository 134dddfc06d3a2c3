// What a page of one thing (user, artifact, project, tracker) shows when the id names nothing.
import type { ReactNode } from "react";
import { Paper } from "@mantine/core";
import { DataTableEmpty } from "@/components/data-table/data-table-states";

export function NotFoundCard({ title, description, back }: { title: string; description: ReactNode; back: { label: string; href: string } }) {
  return (
    <Paper withBorder radius="md" maw={720} mx="auto">
      <DataTableEmpty title={title} description={description} action={back} />
    </Paper>
  );
}

"use client";
// Permission changes: roles and groups by access before and after, changed rows marked in words
// (the Change column) as well as by their tint.
import { Badge, Table, Text, VisuallyHidden } from "@mantine/core";
import type { AccessRow, DiffMode } from "@/lib/audit/diff/change-diff";
import { Added, NoneValue, Removed } from "./diff-marks";
import classes from "./diff.module.css";
import { DiffTableScroll } from "./diff-table-scroll";

const CHANGE_BADGES: Record<AccessRow["change"], { label: string; color: string } | null> = {
  changed: { label: "Changed", color: "yellow" },
  added: { label: "Added", color: "green" },
  removed: { label: "Removed", color: "red" },
  same: null,
};

function Level({ level }: { level: string | null }) {
  return level === null ? <NoneValue /> : level;
}

export function AccessGrid({ field, rows, mode }: { field: string; rows: AccessRow[]; mode: DiffMode }) {
  const single = mode !== "update";
  const changed = rows.filter((row) => row.change !== "same").length;
  return (
    <DiffTableScroll label={`${field}: access by role and group`}>
      <Table withTableBorder withColumnBorders verticalSpacing={6} className={classes.fieldTable}>
        <caption style={{ captionSide: "top", textAlign: "left", paddingBottom: 6 }}>
          <Text span size="sm" fw={600}>
            {field}
          </Text>{" "}
          <Text span size="sm" c="dimmed">
            {single ? `${rows.length} roles and groups` : `${changed} of ${rows.length} roles and groups changed`}
          </Text>
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Role or group</Table.Th>
            {single ? (
              <Table.Th scope="col">{mode === "create" ? "Access granted" : "Access before the delete"}</Table.Th>
            ) : (
              <>
                <Table.Th scope="col">Before</Table.Th>
                <Table.Th scope="col">After</Table.Th>
                <Table.Th scope="col">Change</Table.Th>
              </>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const badge = CHANGE_BADGES[row.change];
            return (
              <Table.Tr key={row.key} className={!single && badge ? classes.changedRow : undefined}>
                <Table.Th scope="row">{row.key}</Table.Th>
                {single ? (
                  <Table.Td>
                    <Level level={mode === "create" ? row.after : row.before} />
                  </Table.Td>
                ) : (
                  <>
                    <Table.Td>{row.change === "same" || row.before === null ? <Level level={row.before} /> : <Removed>{row.before}</Removed>}</Table.Td>
                    <Table.Td>{row.change === "same" || row.after === null ? <Level level={row.after} /> : <Added>{row.after}</Added>}</Table.Td>
                    <Table.Td>
                      {badge ? (
                        <Badge color={badge.color} c="dark.7" variant="light" tt="none" radius="sm" className={classes.wholeBadge}>
                          {badge.label}
                        </Badge>
                      ) : (
                        <>
                          <Text span size="xs" c="dimmed" aria-hidden>
                            —
                          </Text>
                          <VisuallyHidden>No change</VisuallyHidden>
                        </>
                      )}
                    </Table.Td>
                  </>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </DiffTableScroll>
  );
}

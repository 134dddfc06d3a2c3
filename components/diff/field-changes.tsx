"use client";
// The changed fields that fit a table row (text, numbers, dates, users, lists): one row per field,
// old and new side by side or as one "old → new" column; a create or delete has one value column.
import { Table, VisuallyHidden } from "@mantine/core";
import type { DiffMode, FieldDiff } from "@/lib/audit/diff/change-diff";
import { DiffListItems, DiffValue, type DiffUsers } from "./diff-value";
import classes from "./diff.module.css";
import { DiffTableScroll } from "./diff-table-scroll";

export type DiffLayout = "side-by-side" | "unified";

const STATUS_WORDS = { changed: "changed", set: "set", cleared: "cleared", unchanged: "unchanged" } as const;

function Side({ field, side, users }: { field: FieldDiff; side: "before" | "after"; users: DiffUsers }) {
  if (field.shape === "list") return <DiffListItems items={field.items} side={side} />;
  const value = side === "before" ? field.before : field.after;
  const changed = field.status !== "unchanged";
  return <DiffValue value={value} users={users} mark={changed ? (side === "before" ? "removed" : "added") : "same"} />;
}

function Unified({ field, users }: { field: FieldDiff; users: DiffUsers }) {
  if (field.shape === "list") return <DiffListItems items={field.items} side="both" />;
  if (field.status === "unchanged") return <DiffValue value={field.after} users={users} />;
  return (
    <>
      <Side field={field} side="before" users={users} />
      <span aria-hidden> → </span>
      <VisuallyHidden>, then </VisuallyHidden>
      <Side field={field} side="after" users={users} />
    </>
  );
}

interface FieldChangesProps {
  fields: FieldDiff[];
  mode: DiffMode;
  layout: DiffLayout;
  users: DiffUsers;
}

export function FieldChanges({ fields, mode, layout, users }: FieldChangesProps) {
  const single = mode !== "update";
  const valueHeader = mode === "create" ? "Initial value" : "Last value";
  return (
    <DiffTableScroll label="Changed fields">
      <Table withTableBorder withColumnBorders verticalSpacing={8} className={classes.fieldTable} aria-label="Changed fields">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" className={classes.fieldColumn}>
              Field
            </Table.Th>
            {single && <Table.Th scope="col">{valueHeader}</Table.Th>}
            {!single && layout === "side-by-side" && (
              <>
                <Table.Th scope="col">Before</Table.Th>
                <Table.Th scope="col">After</Table.Th>
              </>
            )}
            {!single && layout === "unified" && <Table.Th scope="col">Change</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fields.map((field) => (
            <Table.Tr key={field.field}>
              <Table.Th scope="row">
                {field.field}
                {!single && <VisuallyHidden> ({STATUS_WORDS[field.status]})</VisuallyHidden>}
              </Table.Th>
              {single && (
                <Table.Td>
                  <DiffValue value={mode === "create" ? field.after : field.before} users={users} />
                </Table.Td>
              )}
              {!single && layout === "side-by-side" && (
                <>
                  <Table.Td>
                    <Side field={field} side="before" users={users} />
                  </Table.Td>
                  <Table.Td>
                    <Side field={field} side="after" users={users} />
                  </Table.Td>
                </>
              )}
              {!single && layout === "unified" && (
                <Table.Td>
                  <Unified field={field} users={users} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </DiffTableScroll>
  );
}

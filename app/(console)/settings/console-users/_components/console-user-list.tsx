// Every console account, with how many are enabled, administrators, locked.
import { Text } from "@mantine/core";
import { timeZoneCaption } from "@/components/data-table/data-table-results";
import { listConsoleUsers } from "@/lib/auth/console-users/console-users";
import { formatTotalOf } from "@/lib/audit/search/list-result";
import { ConsoleUserTable } from "./console-user-table";

interface ConsoleUserListProps {
  timeZone: string;
  now: Date;
  /** the administrator looking, whose own row says so */
  currentUserId: number | null;
}

export async function ConsoleUserList({ timeZone, now, currentUserId }: ConsoleUserListProps) {
  const users = await listConsoleUsers(now);
  const enabled = users.filter((user) => user.enabled);
  const admins = enabled.filter((user) => user.role === "ADMIN").length;
  const locked = users.filter((user) => user.lockedUntil).length;
  return (
    <>
      <Text size="sm" c="dimmed" role="status">
        {formatTotalOf(users.length, false, "account")}, {enabled.length} enabled, {admins === 1 ? "1 administrator" : `${admins} administrators`}
        {locked > 0 ? `, ${locked} locked` : ""} · {timeZoneCaption(timeZone, now)}
      </Text>
      <ConsoleUserTable users={users} timeZone={timeZone} currentUserId={currentUserId} />
    </>
  );
}

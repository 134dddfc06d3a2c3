"use client";
// The account list and what its menus open: the role dialog, the confirmations of disable and
// reset, and the one-time password once a reset has made one. Enable and unlock need no question.
import { useMemo, useState, useTransition } from "react";
import { notifications } from "@mantine/notifications";
import { DataTable } from "@/components/data-table/data-table";
import type { ConsoleUserSummary } from "@/lib/auth/console-users/console-users";
import { setConsoleUserEnabledAction, unlockConsoleUserAction } from "../actions";
import { type ConsoleUserCommand, consoleUserColumns } from "./console-user-columns";
import { ConsoleUserConfirm } from "./console-user-confirm";
import { type IssuedPassword, OneTimePasswordDialog } from "./one-time-password-dialog";
import { ConsoleUserRoleDialog } from "./console-user-role-dialog";

const rowId = (user: ConsoleUserSummary) => String(user.id);

interface ConsoleUserTableProps {
  users: ConsoleUserSummary[];
  timeZone: string;
  currentUserId: number | null;
}

type Asked = { command: "role" | "disable" | "reset"; user: ConsoleUserSummary };

/** Enable and unlock: nothing is lost, so no question first; the answer comes as a notification. */
async function runAtOnce(command: "enable" | "unlock", user: ConsoleUserSummary): Promise<void> {
  const result = command === "enable" ? await setConsoleUserEnabledAction({ id: user.id, enabled: true }) : await unlockConsoleUserAction({ id: user.id });
  if (!result.ok) {
    notifications.show({ color: "red", title: command === "enable" ? "Not enabled" : "Not unlocked", message: result.message });
    return;
  }
  const { changed } = result.value;
  notifications.show(
    command === "enable"
      ? { color: "green", title: changed ? "Account enabled" : "Already enabled", message: `${user.username} may sign in again.` }
      : { color: "green", title: changed ? "Account unlocked" : "Not locked", message: `${user.username} may sign in now.` },
  );
}

export function ConsoleUserTable({ users, timeZone, currentUserId }: ConsoleUserTableProps) {
  const [asked, setAsked] = useState<Asked | null>(null);
  const [issued, setIssued] = useState<IssuedPassword | null>(null);
  const [, startTransition] = useTransition();

  const columns = useMemo(() => {
    const onCommand = (command: ConsoleUserCommand, user: ConsoleUserSummary) => {
      if (command === "enable" || command === "unlock") startTransition(() => runAtOnce(command, user));
      else setAsked({ command, user });
    };
    return consoleUserColumns({ timeZone, currentUserId, onCommand });
  }, [timeZone, currentUserId]);

  const close = () => setAsked(null);
  const self = (user: ConsoleUserSummary | undefined) => user !== undefined && user.id === currentUserId;
  return (
    <>
      <DataTable label="Console users" columns={columns} rows={users} getRowId={rowId} />
      <ConsoleUserRoleDialog user={asked?.command === "role" ? asked.user : null} self={self(asked?.user)} onClose={close} />
      <ConsoleUserConfirm
        asked={asked && asked.command !== "role" ? { command: asked.command, user: asked.user } : null}
        self={self(asked?.user)}
        onClose={close}
        onIssued={setIssued}
      />
      <OneTimePasswordDialog issued={issued} onClose={() => setIssued(null)} />
    </>
  );
}

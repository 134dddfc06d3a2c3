// /settings/console-users: the console's own accounts: add one (a one-time password shown once),
// change a role, disable or enable, unlock, reset a password. Administrators only: an auditor gets
// the 403 page. `npm run create-admin` stays for the first administrator and for recovery.
import { Suspense } from "react";
import type { Metadata } from "next";
import { Stack } from "@mantine/core";
import { DataTableSkeleton } from "@/components/data-table/data-table-states";
import { SectionCard } from "@/components/section-card";
import { requirePageAdmin } from "@/lib/auth/page-guard";
import { getAdminTimeZone } from "@/lib/time/admin-time-zone";
import { SettingsHeader } from "../_components/settings-header";
import { ConsoleUserAdd } from "./_components/console-user-add";
import { ConsoleUserList } from "./_components/console-user-list";
import { ConsoleUsersNote } from "./_components/console-users-note";

export const metadata: Metadata = { title: "Console users · Settings" };

export default async function ConsoleUsersPage() {
  const principal = await requirePageAdmin();
  const timeZone = await getAdminTimeZone();
  const now = new Date();

  return (
    <Stack gap="md" maw={1440} mx="auto">
      <SettingsHeader title="Console users">
        The accounts that sign in to this console, with their role. Users of the sending systems are not listed here: their accounts live in those systems.
      </SettingsHeader>
      <SectionCard
        id="console-users-title"
        title="Accounts"
        description="By username. A new account and a reset password get a one-time password, which the user replaces at the next sign-in."
        aside={<ConsoleUserAdd />}
      >
        <Suspense
          fallback={<DataTableSkeleton columns={["User", "Role", "Status", "Last sign-in", "Locked until"]} rows={3} label="Loading the console users" />}
        >
          <ConsoleUserList timeZone={timeZone} now={now} currentUserId={principal.userId} />
        </Suspense>
      </SectionCard>
      <ConsoleUsersNote />
    </Stack>
  );
}

// The Audit page: its title and the tab bar above whichever tab is open.
import type { ReactNode } from "react";
import { Stack, Text, Title } from "@mantine/core";
import { AuditTabs } from "@/components/console-shell/audit-tabs";

export default function AuditLayout({ children }: { children: ReactNode }) {
  return (
    <Stack gap="md" maw={1440} mx="auto">
      <div>
        <Title order={1} size="h2">
          Audit
        </Title>
        <Text size="sm" c="dimmed">
          Who signed in, changed work items, artifacts or permissions, or used this console, and when.
        </Text>
      </div>
      <AuditTabs />
      {children}
    </Stack>
  );
}

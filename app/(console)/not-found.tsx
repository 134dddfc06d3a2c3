// What an unknown console address shows: the console's frame and the Audit tabs as the ways on.
import { headers } from "next/headers";
import { Code, Stack, Text, Title } from "@mantine/core";
import { AuditTabs } from "@/components/console-shell/audit-tabs";
import { NotFoundCard } from "@/components/not-found-card";
import { CONSOLE_PATH_HEADER, DEFAULT_LANDING } from "@/lib/auth/callback-url";

export default async function ConsoleNotFound() {
  const path = (await headers()).get(CONSOLE_PATH_HEADER)?.split("?")[0];
  return (
    <Stack gap="md" maw={1440} mx="auto">
      <title>Page not found · Audit Console</title>
      <div>
        <Title order={1} size="h2">
          Page not found
        </Title>
        <Text size="sm" c="dimmed">
          The audit trail is under the tabs below.
        </Text>
      </div>
      <AuditTabs />
      <NotFoundCard
        title="There is no page at this address"
        description={
          <>
            {path ? (
              <>
                Nothing answers at <Code>{path}</Code>.{" "}
              </>
            ) : null}
            The link may be mistyped or out of date. Pick a tab above, or start from the Logins tab.
          </>
        }
        back={{ label: "Go to the Logins tab", href: DEFAULT_LANDING }}
      />
    </Stack>
  );
}

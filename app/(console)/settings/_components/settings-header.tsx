// The head of a Settings page: where it is (Settings / page), its title and what it is for.
import type { ReactNode } from "react";
import { Breadcrumbs, Text, Title } from "@mantine/core";

export function SettingsHeader({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <Breadcrumbs separatorMargin={6} fz="sm" aria-label="Breadcrumb">
        <Text size="sm" c="dimmed">
          Settings
        </Text>
        <Text size="sm" aria-current="page">
          {title}
        </Text>
      </Breadcrumbs>
      <Title order={1} size="h2" mt={4}>
        {title}
      </Title>
      <Text size="sm" c="dimmed">
        {children}
      </Text>
    </div>
  );
}

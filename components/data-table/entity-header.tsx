// The head of an entity's page (artifact, project, tracker): what it is, its badges, a few facts,
// and a notice when it is gone. A server component; the facts may hold client components.
import type { ReactNode } from "react";
import { Alert, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { sourceReference } from "@/lib/audit/events/sources";
import type { SourceLink } from "@/lib/audit/events/source-links";
import type { BackLink } from "@/lib/audit/timeline/back-link";
import { SourceSystemLink } from "@/components/source-system-link";
import { TextLink } from "./text-link";

export interface EntityFact {
  term: string;
  value: ReactNode;
}

/** Source: "codebeamer-prod · id 4711", the sending system and its id for the entity; "—" when none is recorded. */
export function sourceFact(entity: { source: string | null; sourceId: string | null }): EntityFact {
  return { term: "Source", value: sourceReference(entity.source, entity.sourceId) ?? "—" };
}

interface EntityHeaderProps {
  /** "Work item", "Project" */
  kindLabel: string;
  title: string;
  badges?: ReactNode;
  facts: EntityFact[];
  /** why the page shows a snapshot, or that the entity is deleted */
  notice?: { title: string; text: string };
  /** the way back to the audit tab the admin came from (back-link.ts), or to its default tab */
  back: { label: string; href: string };
  /** "Open in the source system", when the entity's source has a link template */
  sourceLink?: SourceLink | null;
}

export function EntityHeader({ kindLabel, title, badges, facts, notice, back, sourceLink = null }: EntityHeaderProps) {
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Stack gap={4}>
          <Group justify="space-between" gap="sm">
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {kindLabel}
            </Text>
            <Group gap="md">
              {sourceLink && <SourceSystemLink link={sourceLink} />}
              <TextLink href={back.href}>{back.label}</TextLink>
            </Group>
          </Group>
          <Group gap="sm" wrap="wrap" align="center">
            <Title order={1} size="h2">
              {title}
            </Title>
            {badges}
          </Group>
        </Stack>
        {facts.length > 0 && (
          <SimpleGrid component="dl" cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" verticalSpacing="xs" m={0}>
            {facts.map((fact) => (
              <div key={fact.term}>
                <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase">
                  {fact.term}
                </Text>
                <Text component="dd" size="sm" m={0}>
                  {fact.value}
                </Text>
              </div>
            ))}
          </SimpleGrid>
        )}
        {notice && (
          <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />} title={notice.title}>
            {notice.text}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

/** What every entity page gives its header beside the entity: the way back it came with, and its link into the source. */
export interface EntityHeadProps {
  back: BackLink | null;
  sourceLink: SourceLink | null;
}

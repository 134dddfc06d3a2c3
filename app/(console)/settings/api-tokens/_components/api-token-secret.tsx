"use client";
// A new token's secret, shown this once: copy it, see how to use it, then put it away. Only its
// SHA-256 is stored, so nothing can show it again.
import { Badge, Button, Code, Group, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { CopyIconButton } from "@/components/copy-icon-button";
import { ShownOnceSecret } from "@/components/shown-once-secret";
import type { ApiTokenSummary } from "@/lib/auth/api-tokens/api-tokens";
import { dayIn } from "./api-token-days";
import { tokenExamples } from "./api-token-examples";

interface ApiTokenSecretProps {
  token: ApiTokenSummary;
  secret: string;
  /** the console's origin as the browser sees it: "https://audit.example.com" */
  origin: string;
  timeZone: string;
  onDone: () => void;
}

export function ApiTokenSecret({ token, secret, origin, timeZone, onDone }: ApiTokenSecretProps) {
  const examples = tokenExamples(origin, secret, token.scopes, token.createdAt);
  return (
    <Paper withBorder radius="md" p="md" bd="2px solid var(--mantine-color-green-6)" component="section" aria-labelledby="secret-title">
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon color="green" variant="light" size={36} radius="xl" aria-hidden>
            <IconCircleCheck size={22} />
          </ThemeIcon>
          <div>
            <Title order={3} size="h4" id="secret-title">
              Token “{token.name}” created
            </Title>
            <Text size="sm" c="dimmed">
              Source <Code>{token.source}</Code> · {token.scopes.join(" and ")} · expires {dayIn(token.expiresAt, timeZone)}
            </Text>
          </div>
        </Group>
        <ShownOnceSecret name="secret" value={secret}>
          The console keeps only its SHA-256, so nobody can show it to you later. Store it in the sending system&apos;s secret store; if it is lost, create a
          new token and revoke this one.
        </ShownOnceSecret>
        {examples.map((example) => (
          <Stack key={example.scope} gap={6}>
            <Group justify="space-between" gap="xs">
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  {example.title}
                </Text>
                <Badge size="sm" variant="light" color="gray" c="dark.7" tt="none">
                  {example.scope} scope
                </Badge>
              </Group>
              <CopyIconButton value={example.command} label="Copy the command" />
            </Group>
            <Code block aria-label={`curl example: ${example.title}`} style={{ whiteSpace: "pre-wrap", wordBreak: "break-all" }}>
              {example.command}
            </Code>
          </Stack>
        ))}
        {token.scopes.includes("ingest") && (
          <Text size="xs" c="dimmed">
            The answer says what became of the batch: {"{"} source, received, accepted, duplicates, dropped, expired {"}"}. Sending the same event id again
            stores it once. The token also works as the password of HTTP Basic, with any username.
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            I have copied the secret
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

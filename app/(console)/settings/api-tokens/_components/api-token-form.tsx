"use client";
// The Create token form, checked by the same zod schema as the server action and create-token: a
// name, the source (an existing one or a new name), the scopes and how long the token lives.
import { useTransition } from "react";
import { Controller, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Autocomplete, Button, Checkbox, Group, Input, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconKey } from "@tabler/icons-react";
import {
  API_SCOPES,
  type ApiTokenInput,
  type ApiTokenSpec,
  apiTokenInputSchema,
  DEFAULT_EXPIRY_DAYS,
  SCOPE_LABELS,
} from "@/lib/auth/api-tokens/api-token-schema";
import type { ApiTokenSummary } from "@/lib/auth/api-tokens/api-tokens";
import { createApiTokenAction } from "../actions";
import { dayIn, daysAfter } from "./api-token-days";

const EXPIRY_PRESETS = [
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "180", label: "180 days" },
  { value: "365", label: "1 year" },
];
const DEFAULTS: ApiTokenInput = { name: "", source: "", scopes: ["ingest"], expiresInDays: DEFAULT_EXPIRY_DAYS };
const FIELDS = ["name", "source", "scopes", "expiresInDays"] as const;

export interface KnownSource {
  name: string;
  activeTokens: number;
}

interface ApiTokenFormProps {
  sources: KnownSource[];
  /** when the page was made, for the expiry date the form shows */
  now: Date;
  timeZone: string;
  onCreated: (created: { token: ApiTokenSummary; secret: string }) => void;
}

function SourceHint({ source, known }: { source: string; known: KnownSource | undefined }) {
  if (!source) return null;
  return (
    <Text size="xs" c="dimmed" mt={4}>
      {known
        ? `An existing source with ${known.activeTokens === 1 ? "1 active token" : `${known.activeTokens} active tokens`}: the new token sends as it does.`
        : `A new source: "${source}" is registered with this token.`}
    </Text>
  );
}

export function ApiTokenForm({ sources, now, timeZone, onCreated }: ApiTokenFormProps) {
  const form = useForm<ApiTokenInput, unknown, ApiTokenSpec>({ resolver: zodResolver(apiTokenInputSchema), defaultValues: DEFAULTS });
  const [pending, startTransition] = useTransition();
  const source = form.watch("source").trim();
  const days = form.watch("expiresInDays") ?? DEFAULT_EXPIRY_DAYS;
  // Five choices side by side are wider than a phone: there they stand one under another.
  const narrow = useMediaQuery("(max-width: 36em)");

  const submit = form.handleSubmit((spec) =>
    startTransition(async () => {
      const result = await createApiTokenAction(spec);
      if (!result.ok) {
        const field = FIELDS.find((name) => name === result.field);
        form.setError(field ?? "root", { type: "server", message: result.message });
        return;
      }
      form.reset(DEFAULTS);
      onCreated(result.value);
    }),
  );

  return (
    <form onSubmit={submit} noValidate aria-label="Create an API token">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Controller
            control={form.control}
            name="name"
            render={({ field, fieldState }) => (
              <TextInput
                {...field}
                label="Name"
                description="What will use it, so that you know it again in the list"
                placeholder="Codebeamer production sync"
                error={fieldState.error?.message}
                maxLength={100}
                required
              />
            )}
          />
          <Controller
            control={form.control}
            name="source"
            render={({ field, fieldState }) => (
              <div>
                <Autocomplete
                  {...field}
                  label="Source"
                  description="The sending system, such as codebeamer-prod: pick one or type a new name"
                  placeholder="codebeamer-prod"
                  data={sources.map((known) => known.name)}
                  error={fieldState.error?.message}
                  autoComplete="off"
                  spellCheck={false}
                  required
                />
                {!fieldState.error && <SourceHint source={source} known={sources.find((known) => known.name === source)} />}
              </div>
            )}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="scopes"
          render={({ field, fieldState }) => (
            <Checkbox.Group
              value={field.value}
              onChange={(value) => field.onChange(value)}
              label="Scopes"
              description="What the token may do; give it only what its system needs"
              error={fieldState.error?.message}
              required
            >
              <Group gap="xl" mt="xs" align="flex-start">
                {API_SCOPES.map((scope) => {
                  const [title, meaning] = SCOPE_LABELS[scope].split(": ");
                  return <Checkbox key={scope} value={scope} label={title} description={meaning} />;
                })}
              </Group>
            </Checkbox.Group>
          )}
        />
        <Controller
          control={form.control}
          name="expiresInDays"
          render={({ field, fieldState }) => (
            <Input.Wrapper
              label="Expires in"
              description={`On ${dayIn(daysAfter(now, days), timeZone)}; at most 1 year. Rotate it before then.`}
              error={fieldState.error?.message}
              id="token-expiry"
              labelElement="div"
            >
              <SegmentedControl
                mt={6}
                value={String(field.value ?? DEFAULT_EXPIRY_DAYS)}
                onChange={(value) => field.onChange(Number(value))}
                data={EXPIRY_PRESETS}
                orientation={narrow ? "vertical" : "horizontal"}
                fullWidth={narrow}
                aria-labelledby="token-expiry-label"
                aria-describedby="token-expiry-description"
              />
            </Input.Wrapper>
          )}
        />
        {form.formState.errors.root && (
          <Text size="sm" c="red.8" role="alert">
            {form.formState.errors.root.message}
          </Text>
        )}
        <Group>
          <Button type="submit" leftSection={<IconKey size={16} aria-hidden />} loading={pending}>
            Create token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

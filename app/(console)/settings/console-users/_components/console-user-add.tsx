"use client";
// Add user: the button, the dialog with its form (the action's own schema), and the new account's
// one-time password once it exists. The password lives in this component's state only.
import { useState, useTransition } from "react";
import { Controller, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button, Group, Modal, Radio, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { IconUserPlus } from "@tabler/icons-react";
import {
  type AddConsoleUserInput,
  type AddConsoleUserSpec,
  addConsoleUserSchema,
  CONSOLE_ROLE_HINTS,
  CONSOLE_ROLE_LABELS,
  CONSOLE_ROLES,
} from "@/lib/auth/console-users/console-user-schema";
import { addConsoleUserAction } from "../actions";
import { type IssuedPassword, OneTimePasswordDialog } from "./one-time-password-dialog";

const DEFAULTS: AddConsoleUserInput = { username: "", displayName: "", email: "", role: "AUDITOR" };
const FIELDS = ["username", "displayName", "email", "role"] as const;

export function ConsoleUserAdd() {
  const [opened, setOpened] = useState(false);
  const [issued, setIssued] = useState<IssuedPassword | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useForm<AddConsoleUserInput, unknown, AddConsoleUserSpec>({ resolver: zodResolver(addConsoleUserSchema), defaultValues: DEFAULTS });

  const close = () => {
    form.reset(DEFAULTS);
    setOpened(false);
  };
  const submit = form.handleSubmit((spec) =>
    startTransition(async () => {
      const result = await addConsoleUserAction(spec);
      if (!result.ok) {
        const field = FIELDS.find((name) => name === result.field);
        form.setError(field ?? "root", { type: "server", message: result.message });
        return;
      }
      const { user, oneTimePassword } = result.value;
      close();
      setIssued({ username: user.username, displayName: user.displayName, password: oneTimePassword, reason: "created" });
    }),
  );

  return (
    <>
      <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setOpened(true)}>
        Add user
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        closeOnClickOutside={!pending}
        title={
          <Text fw={600} component="span">
            Add a console user
          </Text>
        }
        size="lg"
      >
        <form onSubmit={submit} noValidate aria-label="Add a console user">
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Controller
                control={form.control}
                name="username"
                render={({ field, fieldState }) => (
                  <TextInput
                    {...field}
                    label="Username"
                    description="What they sign in with; lower-case"
                    placeholder="jdoe"
                    error={fieldState.error?.message}
                    maxLength={200}
                    autoComplete="off"
                    spellCheck={false}
                    required
                    data-autofocus
                  />
                )}
              />
              <Controller
                control={form.control}
                name="displayName"
                render={({ field, fieldState }) => (
                  <TextInput
                    {...field}
                    label="Display name"
                    description="As the console shows them"
                    placeholder="Jane Doe"
                    error={fieldState.error?.message}
                    maxLength={200}
                    autoComplete="off"
                    required
                  />
                )}
              />
            </SimpleGrid>
            <Controller
              control={form.control}
              name="email"
              render={({ field, fieldState }) => (
                <TextInput
                  {...field}
                  value={field.value ?? ""}
                  label="E-mail"
                  description="Optional: how to reach them"
                  placeholder="jane.doe@example.com"
                  type="email"
                  error={fieldState.error?.message}
                  maxLength={320}
                  autoComplete="off"
                />
              )}
            />
            <Controller
              control={form.control}
              name="role"
              render={({ field, fieldState }) => (
                <Radio.Group value={field.value} onChange={(value) => field.onChange(value)} label="Role" error={fieldState.error?.message} required>
                  <Stack gap="xs" mt="xs">
                    {CONSOLE_ROLES.map((value) => (
                      <Radio key={value} value={value} label={CONSOLE_ROLE_LABELS[value]} description={CONSOLE_ROLE_HINTS[value]} />
                    ))}
                  </Stack>
                </Radio.Group>
              )}
            />
            <Text size="sm" c="dimmed">
              The account gets a one-time password, shown once when you add it; they choose their own at the first sign-in. Recorded as a Console User Create
              event under your name.
            </Text>
            {form.formState.errors.root && (
              <Text size="sm" c="red.8" role="alert">
                {form.formState.errors.root.message}
              </Text>
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close} disabled={pending}>
                Cancel
              </Button>
              <Button type="submit" loading={pending} leftSection={<IconUserPlus size={16} aria-hidden />}>
                Add user
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <OneTimePasswordDialog issued={issued} onClose={() => setIssued(null)} />
    </>
  );
}

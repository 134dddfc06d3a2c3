"use client";
// The last question before a token stops working for good.
import { useState, useTransition } from "react";
import { Code, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { ConfirmFooter } from "@/components/confirm-footer";
import type { ApiTokenSummary } from "@/lib/auth/api-tokens/api-tokens";
import { revokeApiTokenAction } from "../actions";

export function ApiTokenRevoke({ token, onClose }: { token: ApiTokenSummary | null; onClose: () => void }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  const revoke = (id: number, name: string) =>
    startTransition(async () => {
      const result = await revokeApiTokenAction({ id });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      notifications.show(
        result.value.revoked
          ? { color: "green", title: "Token revoked", message: `“${name}” is refused from now on.` }
          : { color: "yellow", title: "Already revoked", message: `Someone had revoked “${name}” already.` },
      );
      close();
    });

  return (
    <Modal opened={token !== null} onClose={close} closeOnClickOutside={!pending} title={<Text fw={600}>Revoke the token “{token?.name}”?</Text>} size="lg">
      {token && (
        <Stack gap="md">
          <Text size="sm">
            <Code>{token.prefix}…</Code> of source <Code>{token.source}</Code> stops working at once: every request that carries it is answered 401. This cannot
            be undone. To keep {token.source} sending, give it a new token for the same source first.
          </Text>
          <Text size="sm" c="dimmed">
            The token stays in the list as revoked, and the revocation is recorded as an API Token Revoke event under your name.
          </Text>
          <ConfirmFooter error={error} pending={pending} onCancel={close} onConfirm={() => revoke(token.id, token.name)} warn>
            Revoke token
          </ConfirmFooter>
        </Stack>
      )}
    </Modal>
  );
}

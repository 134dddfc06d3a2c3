"use client";
// The last question before a saved search goes: whose it is, and that others lose a shared one too.
import { useState, useTransition } from "react";
import { Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { ConfirmFooter } from "@/components/confirm-footer";
import { deleteSavedSearchAction } from "../saved-search-actions";
import type { SavedSearchItem } from "./saved-searches-bar";

export function SavedSearchDelete({ search, onClose }: { search: SavedSearchItem | null; onClose: () => void }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  const remove = (target: SavedSearchItem) =>
    startTransition(async () => {
      const result = await deleteSavedSearchAction({ id: target.id });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      notifications.show({ color: "green", title: "Saved search deleted", message: `“${target.name}” is no longer in Saved searches.` });
      close();
    });

  return (
    <Modal
      opened={search !== null}
      onClose={close}
      closeOnClickOutside={!pending}
      title={<Text fw={600}>Delete the saved search “{search?.name}”?</Text>}
      closeButtonProps={{ "aria-label": "Close without deleting" }}
    >
      {search && (
        <Stack gap="md">
          <Text size="sm">
            {search.mine
              ? search.shared
                ? "It is shared: it goes from every administrator's and auditor's list too."
                : "Only the saved search goes; the events it finds stay."
              : `${search.ownerName} saved and shared it: it goes from ${search.ownerName}'s list and everyone else's.`}
          </Text>
          <Text size="sm" c="dimmed">
            The deletion is recorded as a Saved Search Delete event under your name.
          </Text>
          <ConfirmFooter error={error} pending={pending} onCancel={close} onConfirm={() => remove(search)} warn>
            Delete saved search
          </ConfirmFooter>
        </Stack>
      )}
    </Modal>
  );
}

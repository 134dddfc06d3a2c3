"use client";
// Save search: a name for the filters the tab shows now (the URL's, sort and rows per page included,
// not the page), checked by the same zod schema as the server action; administrators may share it.
import { useEffect, useState, useTransition } from "react";
import { Controller, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Modal, Stack, Switch, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { ConfirmFooter } from "@/components/confirm-footer";
import { SAVED_SEARCH_NAME_MAX, type SavedSearchInput, type SavedSearchSpec, savedSearchInputSchema } from "@/lib/audit/saved-searches/saved-search-schema";
import type { SearchTabId } from "@/lib/audit/tabs/search-tabs";
import type { FilterLine } from "@/lib/export/filter-summary";
import { createSavedSearchAction } from "../saved-search-actions";

interface SavedSearchSaveProps {
  tab: SearchTabId;
  tabTitle: string;
  /** the URL's filters as a saved search keeps them */
  query: string;
  opened: boolean;
  onClose: () => void;
  summary: FilterLine[];
  canShare: boolean;
}

export function SavedSearchSave({ tab, tabTitle, query, opened, onClose, summary, canShare }: SavedSearchSaveProps) {
  const form = useForm<SavedSearchInput, unknown, SavedSearchSpec>({
    resolver: zodResolver(savedSearchInputSchema),
    defaultValues: { tab, query, name: "", shared: false },
  });
  const [pending, startTransition] = useTransition();
  const [refusal, setRefusal] = useState<string | null>(null);
  const { reset } = form;
  useEffect(() => {
    if (opened) reset({ tab, query, name: "", shared: false });
  }, [opened, reset, tab, query]);
  const close = () => {
    setRefusal(null);
    onClose();
  };

  const submit = form.handleSubmit((input) =>
    startTransition(async () => {
      setRefusal(null);
      const result = await createSavedSearchAction(input);
      if (!result.ok) {
        if (result.field === "name") form.setError("name", { message: result.message.replace(/^Name: /, "") });
        else setRefusal(result.message);
        return;
      }
      notifications.show({
        color: "green",
        title: "Search saved",
        message: `“${result.value.name}” is in Saved searches of the ${tabTitle} tab${result.value.shared ? ", for every administrator and auditor" : ""}.`,
      });
      close();
    }),
  );

  return (
    <Modal
      opened={opened}
      onClose={close}
      closeOnClickOutside={!pending}
      title={<Text fw={600}>Save the {tabTitle} tab's filters</Text>}
      size="lg"
      closeButtonProps={{ "aria-label": "Close without saving" }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Name"
            description={`Up to ${SAVED_SEARCH_NAME_MAX} characters, different from your other saved searches of this tab`}
            required
            data-autofocus
            maxLength={SAVED_SEARCH_NAME_MAX}
            error={form.formState.errors.name?.message}
            {...form.register("name")}
          />
          <Controller
            control={form.control}
            name="shared"
            render={({ field }) => (
              <Switch
                label="Share with every administrator and auditor"
                description={
                  canShare
                    ? "Shared searches show in everyone's list; only you and other administrators can delete them."
                    : "Only administrators share searches: this one is yours alone."
                }
                checked={field.value ?? false}
                onChange={(event) => field.onChange(event.currentTarget.checked)}
                disabled={!canShare}
                error={form.formState.errors.shared?.message}
              />
            )}
          />
          <div>
            <Text size="sm" fw={500} mb={4}>
              Filters saved
            </Text>
            <Table withTableBorder fz="sm" verticalSpacing={4}>
              <Table.Tbody>
                {summary.map((line) => (
                  <Table.Tr key={line.label}>
                    <Table.Th scope="row" w="30%" fw={500}>
                      {line.label}
                    </Table.Th>
                    <Table.Td>{line.value}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="xs" c="dimmed" mt={4}>
              The filters applied now, with the sort and rows per page, not the page you are on. A preset range such as Last 30 Days moves with the day the
              search is opened.
            </Text>
          </div>
          <ConfirmFooter error={refusal} pending={pending} onCancel={close} onConfirm={() => void submit()}>
            Save search
          </ConfirmFooter>
        </Stack>
      </form>
    </Modal>
  );
}

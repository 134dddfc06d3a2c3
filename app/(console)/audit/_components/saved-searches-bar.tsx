"use client";
// A search tab's saved searches: the list (the viewer's own, then those others shared) opens one in
// a click, Save search names the filters in the URL, and each deletable one has its Delete.
import { useState } from "react";
import Link from "next/link";
import { ActionIcon, Anchor, Badge, Box, Button, Divider, Group, Popover, ScrollArea, Stack, Text, Tooltip } from "@mantine/core";
import { IconAlertTriangle, IconBookmarkPlus, IconBookmarks, IconChevronDown, IconTrash } from "@tabler/icons-react";
import type { SavedSearchSummary } from "@/lib/audit/saved-searches/saved-searches";
import type { SearchTabId } from "@/lib/audit/tabs/search-tabs";
import type { FilterLine } from "@/lib/export/filter-summary";
import { SavedSearchDelete } from "./saved-search-delete";
import { SavedSearchSave } from "./saved-search-save";

export type SavedSearchItem = Omit<SavedSearchSummary, "createdAt">;

interface SavedSearchesBarProps {
  tab: SearchTabId;
  tabTitle: string;
  searches: SavedSearchItem[];
  /** the URL's filters as a saved search writes them; null when the tab refuses them */
  currentQuery: string | null;
  /** the URL's filters in words, for the save dialog; null when they cannot be saved */
  summary: FilterLine[] | null;
  canShare: boolean;
}

function SavedSearchEntry({ search, active, onOpen, onDelete }: { search: SavedSearchItem; active: boolean; onOpen: () => void; onDelete: () => void }) {
  return (
    <Box component="li" py={4}>
      <Group gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            {search.problem && <IconAlertTriangle size={14} color="var(--mantine-color-orange-8)" aria-hidden />}
            <Anchor
              component={Link}
              href={`/audit/${search.tab}${search.query ? `?${search.query}` : ""}`}
              onClick={onOpen}
              size="sm"
              fw={active ? 700 : 500}
              aria-current={active ? "page" : undefined}
              style={{ overflowWrap: "anywhere" }}
            >
              {search.name}
            </Anchor>
            {search.shared && search.mine && (
              <Badge size="xs" variant="light" color="indigo">
                Shared
              </Badge>
            )}
          </Group>
          {!search.mine && (
            <Text size="xs" c="dimmed">
              Shared by {search.ownerName}
            </Text>
          )}
          {search.problem && (
            <Text size="xs" c="orange.9">
              The tab no longer reads these filters as saved: {search.problem}. Open it to correct them, then save it again.
            </Text>
          )}
        </Stack>
        {search.deletable && (
          <Tooltip label="Delete">
            <ActionIcon variant="subtle" color="gray" size="sm" onClick={onDelete} aria-label={`Delete the saved search "${search.name}"`}>
              <IconTrash size={14} aria-hidden />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
    </Box>
  );
}

function EntryList({
  title,
  entries,
  ...props
}: {
  title: string;
  entries: SavedSearchItem[];
  currentQuery: string | null;
  close: () => void;
  remove: (search: SavedSearchItem) => void;
}) {
  if (entries.length === 0) return null;
  return (
    <div>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={2}>
        {title}
      </Text>
      <Box component="ul" aria-label={title} m={0} p={0} style={{ listStyle: "none" }}>
        {entries.map((search) => (
          <SavedSearchEntry
            key={search.id}
            search={search}
            active={search.query === props.currentQuery}
            onOpen={props.close}
            onDelete={() => {
              props.close();
              props.remove(search);
            }}
          />
        ))}
      </Box>
    </div>
  );
}

export function SavedSearchesBar({ tab, tabTitle, searches, currentQuery, summary, canShare }: SavedSearchesBarProps) {
  const [listOpen, setListOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState<SavedSearchItem | null>(null);
  const mine = searches.filter((search) => search.mine);
  const others = searches.filter((search) => !search.mine);
  const active = searches.find((search) => search.query === currentQuery);
  const close = () => setListOpen(false);
  return (
    <Group justify="space-between" gap="sm" wrap="wrap">
      <Text size="sm" c="dimmed" aria-live="polite">
        {active && (
          <>
            Saved search:{" "}
            <Text span fw={600} c="var(--mantine-color-text)">
              {active.name}
            </Text>
          </>
        )}
      </Text>
      <Group gap="xs" wrap="wrap">
        <Popover opened={listOpen} onChange={setListOpen} position="bottom-end" width={360} shadow="md" trapFocus returnFocus>
          <Popover.Target>
            <Button
              variant="default"
              leftSection={<IconBookmarks size={16} aria-hidden />}
              rightSection={<IconChevronDown size={14} aria-hidden />}
              onClick={() => setListOpen((open) => !open)}
              aria-expanded={listOpen}
            >
              Saved searches ({searches.length})
            </Button>
          </Popover.Target>
          <Popover.Dropdown p="sm">
            <nav aria-label={`Saved searches of the ${tabTitle} tab`}>
              {searches.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No saved searches on the {tabTitle} tab yet. Set the filters, search, then Save search.
                </Text>
              ) : (
                <ScrollArea.Autosize mah={360} type="auto">
                  <Stack gap="xs">
                    <EntryList title="Yours" entries={mine} currentQuery={currentQuery} close={close} remove={setDeleting} />
                    {mine.length > 0 && others.length > 0 && <Divider />}
                    <EntryList title="Shared by others" entries={others} currentQuery={currentQuery} close={close} remove={setDeleting} />
                  </Stack>
                </ScrollArea.Autosize>
              )}
            </nav>
          </Popover.Dropdown>
        </Popover>
        <Tooltip label="Correct the filters first: only filters the tab can search are saved" disabled={summary !== null && currentQuery !== null}>
          <Button
            leftSection={<IconBookmarkPlus size={16} aria-hidden />}
            variant="light"
            onClick={() => setSaving(true)}
            disabled={summary === null || currentQuery === null}
          >
            Save search
          </Button>
        </Tooltip>
      </Group>
      {currentQuery !== null && summary !== null && (
        <SavedSearchSave
          tab={tab}
          tabTitle={tabTitle}
          query={currentQuery}
          opened={saving}
          onClose={() => setSaving(false)}
          summary={summary}
          canShare={canShare}
        />
      )}
      <SavedSearchDelete search={deleting} onClose={() => setDeleting(null)} />
    </Group>
  );
}

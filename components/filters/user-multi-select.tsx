"use client";
// Users: a multi-select that asks the server for matching users as the admin types (username or
// display name, any case, 20 at most). Options and chosen pills show the avatar, and strike through
// disabled users. The names of users chosen before (from the URL) come with the page.
import { useRef, useState } from "react";
import { Group, MultiSelect, Pill, Text, VisuallyHidden, type OptionsFilter } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconCheck } from "@tabler/icons-react";
import { UserAvatar, UserLabel } from "@/components/user-name";
import { searchUserOptions } from "@/lib/audit/user-lookup";
import type { UserOption } from "@/lib/audit/user-refs";

interface UserMultiSelectProps {
  label?: string;
  value: number[];
  onChange: (value: number[]) => void;
  /** the chosen users as the server knows them */
  initialOptions: UserOption[];
  error?: string;
}

function unknownUser(id: number): UserOption {
  return { id, username: `#${id}`, displayName: `Unknown user #${id}`, avatarUrl: null, enabled: true };
}

export function UserMultiSelect({ label = "Users", value, onChange, initialOptions, error }: UserMultiSelectProps) {
  const [known, setKnown] = useState(() => new Map(initialOptions.map((user) => [user.id, user])));
  const [results, setResults] = useState<number[] | null>(null);
  const [search, setSearch] = useState("");
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const latest = useRef(0);

  const lookUp = async (text: string) => {
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const found = await searchUserOptions(text);
      if (ticket !== latest.current) return;
      setKnown((previous) => new Map([...previous, ...found.map((user) => [user.id, user] as const)]));
      setResults(found.map((user) => user.id));
      setFailure(null);
    } catch {
      if (ticket === latest.current) setFailure("Users could not be searched. Try again.");
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  };
  const lookUpSoon = useDebouncedCallback(lookUp, 250);

  const userOf = (id: number) => known.get(id) ?? unknownUser(id);
  const ids = [...new Set([...value, ...(results ?? [])])];
  const data = ids.map((id) => ({ value: String(id), label: userOf(id).displayName }));
  // The server already filtered: show its answer for the current text, chosen users included.
  const shown = new Set((results ?? []).map(String));
  const filter: OptionsFilter = ({ options }) => options.filter((option) => "value" in option && shown.has(option.value));

  let nothingFound = "Type a name or username";
  if (failure) nothingFound = failure;
  else if (loading) nothingFound = "Searching…";
  else if (results) nothingFound = search.trim() ? `No user matches “${search.trim()}”` : "No users";

  return (
    <MultiSelect
      label={label}
      placeholder={value.length === 0 ? "All users: type to search" : undefined}
      data={data}
      value={value.map(String)}
      onChange={(next) => onChange(next.map(Number))}
      searchable
      searchValue={search}
      onSearchChange={(text) => {
        setSearch(text);
        lookUpSoon(text);
      }}
      onDropdownOpen={() => {
        if (results === null) void lookUp(search);
      }}
      filter={filter}
      nothingFoundMessage={nothingFound}
      hidePickedOptions={false}
      clearable
      error={error && `${label}: ${error}`}
      w={360}
      maxDropdownHeight={320}
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option, checked }) => <UserOptionRow user={userOf(Number(option.value))} checked={Boolean(checked)} />}
      renderPill={({ value: id, onRemove, disabled }) => <UserPill user={userOf(Number(id))} onRemove={onRemove} disabled={disabled} />}
    />
  );
}

function UserOptionRow({ user, checked }: { user: UserOption; checked: boolean }) {
  return (
    <Group gap="sm" wrap="nowrap" w="100%">
      <UserAvatar user={user} size={24} />
      <div style={{ flex: 1, minWidth: 0 }}>
        <UserLabel user={user} />
      </div>
      {checked && <IconCheck size={16} aria-hidden color="var(--mantine-primary-color-filled)" />}
    </Group>
  );
}

function UserPill({ user, onRemove, disabled }: { user: UserOption; onRemove?: () => void; disabled?: boolean }) {
  return (
    <Pill
      withRemoveButton={!disabled}
      onRemove={onRemove}
      disabled={disabled}
      removeButtonProps={{ "aria-label": `Remove ${user.displayName}` }}
      title={user.enabled ? `@${user.username}` : `@${user.username} (disabled)`}
    >
      <Text span inherit td={user.enabled ? undefined : "line-through"} c={user.enabled ? undefined : "dimmed"}>
        {user.displayName}
      </Text>
      {!user.enabled && <VisuallyHidden> (disabled)</VisuallyHidden>}
    </Pill>
  );
}

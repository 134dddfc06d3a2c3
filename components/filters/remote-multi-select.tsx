"use client";
// A multi-select whose options come from the server as the admin types (users, projects,
// trackers): the server filters, the select shows its answer for the current text with the chosen
// options kept. Options chosen before (from the URL) come with the page.
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Group, MultiSelect, Pill, type OptionsFilter } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconCheck } from "@tabler/icons-react";
import type { ActionResult } from "@/lib/auth/guarded-action";

export interface RemoteOption {
  id: number;
}

export interface RemoteMultiSelectProps<Option extends RemoteOption> {
  label: string;
  /** "users": in messages ("No users match …") */
  noun: string;
  value: number[];
  onChange: (value: number[]) => void;
  /** the chosen options as the server knows them */
  initialOptions: Option[];
  /** the server's options for the text typed so far: a server action (option-actions.ts) */
  lookUp: (text: string) => Promise<ActionResult<Option[]>>;
  /** when it changes, earlier answers no longer hold (Trackers after the projects changed) */
  lookUpKey?: string;
  /** every option the server answered with, for a form that needs them (tracker narrowing) */
  onFound?: (options: Option[]) => void;
  /** an option the server no longer knows (deleted since the URL was written) */
  unknown: (id: number) => Option;
  optionLabel: (option: Option) => string;
  renderOption: (option: Option) => ReactNode;
  renderPill?: (option: Option) => ReactNode;
  placeholder: string;
  error?: string;
  width?: number;
}

export function RemoteMultiSelect<Option extends RemoteOption>(props: RemoteMultiSelectProps<Option>) {
  const {
    label,
    noun,
    value,
    onChange,
    initialOptions,
    lookUp,
    lookUpKey,
    onFound,
    unknown,
    optionLabel,
    renderOption,
    renderPill,
    placeholder,
    error,
    width = 300,
  } = props;
  const [known, setKnown] = useState(() => new Map(initialOptions.map((option) => [option.id, option])));
  const [results, setResults] = useState<number[] | null>(null);
  const [search, setSearch] = useState("");
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const latest = useRef(0);

  // A new key (other projects chosen) makes earlier results stale: forget them and any search in flight.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key is the reason to run, not a value read
  useEffect(() => {
    latest.current += 1;
    setResults(null);
  }, [lookUpKey]);

  const find = async (text: string) => {
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const answer = await lookUp(text);
      if (ticket !== latest.current) return;
      if (!answer.ok) {
        setFailure(`${label}: ${answer.message}`);
        return;
      }
      const found = answer.value;
      setKnown((previous) => new Map([...previous, ...found.map((option) => [option.id, option] as const)]));
      setResults(found.map((option) => option.id));
      setFailure(null);
      onFound?.(found);
    } catch {
      if (ticket === latest.current) setFailure(`${label} could not be searched. Try again.`);
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  };
  const findSoon = useDebouncedCallback(find, 250);

  const optionOf = (id: number) => known.get(id) ?? unknown(id);
  const ids = [...new Set([...value, ...(results ?? [])])];
  const data = ids.map((id) => ({ value: String(id), label: optionLabel(optionOf(id)) }));
  const shown = new Set((results ?? []).map(String));
  const filter: OptionsFilter = ({ options }) => options.filter((option) => "value" in option && shown.has(option.value));

  let nothingFound = "Type to search";
  if (failure) nothingFound = failure;
  else if (loading) nothingFound = "Searching…";
  else if (results) nothingFound = search.trim() ? `No ${noun} match “${search.trim()}”` : `No ${noun}`;

  return (
    <MultiSelect
      label={label}
      placeholder={value.length === 0 ? placeholder : undefined}
      data={data}
      value={value.map(String)}
      onChange={(next) => onChange(next.map(Number))}
      searchable
      searchValue={search}
      onSearchChange={(text) => {
        setSearch(text);
        findSoon(text);
      }}
      onDropdownOpen={() => {
        if (results === null) void find(search);
      }}
      filter={filter}
      nothingFoundMessage={nothingFound}
      hidePickedOptions={false}
      clearable
      error={error && `${label}: ${error}`}
      w={width}
      maxDropdownHeight={320}
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option, checked }) => (
        <Group gap="sm" wrap="nowrap" w="100%">
          <div style={{ flex: 1, minWidth: 0 }}>{renderOption(optionOf(Number(option.value)))}</div>
          {checked && <IconCheck size={16} aria-hidden color="var(--mantine-primary-color-filled)" />}
        </Group>
      )}
      renderPill={({ value: id, onRemove, disabled }) => {
        const option = optionOf(Number(id));
        return (
          <Pill withRemoveButton={!disabled} onRemove={onRemove} disabled={disabled} removeButtonProps={{ "aria-label": `Remove ${optionLabel(option)}` }}>
            {renderPill ? renderPill(option) : <span title={optionLabel(option)}>{optionLabel(option)}</span>}
          </Pill>
        );
      }}
    />
  );
}

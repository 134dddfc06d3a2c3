"use client";
// Users (and Target Users): asks the server for matching users as the admin types (username or
// display name, any case, 20 at most). Options and chosen pills show the avatar, and strike through
// disabled users.
import { Group, Text, VisuallyHidden } from "@mantine/core";
import { UserAvatar, UserLabel } from "@/components/user-name";
import { findUserOptions } from "@/lib/audit/search/option-actions";
import type { UserOption } from "@/lib/audit/events/user-refs";
import { RemoteMultiSelect } from "./remote-multi-select";
import { sourceLabel } from "@/lib/audit/events/sources";

interface UserMultiSelectProps {
  label?: string;
  value: number[];
  onChange: (value: number[]) => void;
  /** the chosen users as the server knows them */
  initialOptions: UserOption[];
  error?: string;
  width?: number;
}

function unknownUser(id: number): UserOption {
  return { id, username: `#${id}`, displayName: `Unknown user #${id}`, avatarUrl: null, enabled: true };
}

export function UserMultiSelect({ label = "Users", value, onChange, initialOptions, error, width = 360 }: UserMultiSelectProps) {
  return (
    <RemoteMultiSelect
      label={label}
      noun="users"
      value={value}
      onChange={onChange}
      initialOptions={initialOptions}
      lookUp={findUserOptions}
      unknown={unknownUser}
      optionLabel={(user) => user.displayName}
      placeholder={`All ${label.toLowerCase()}: type to search`}
      error={error}
      width={width}
      renderOption={(user) => (
        <Group gap="sm" wrap="nowrap">
          <UserAvatar user={user} size={24} />
          <div style={{ minWidth: 0 }}>
            <UserLabel user={user} />{" "}
            <Text span size="xs" c="dimmed">
              · {sourceLabel(user.source ?? null)}
            </Text>
          </div>
        </Group>
      )}
      renderPill={(user) => (
        <span title={user.enabled ? `@${user.username}` : `@${user.username} (disabled)`}>
          <Text span inherit td={user.enabled ? undefined : "line-through"} c={user.enabled ? undefined : "dimmed"}>
            {user.displayName}
          </Text>
          {!user.enabled && <VisuallyHidden> (disabled)</VisuallyHidden>}
        </span>
      )}
    />
  );
}

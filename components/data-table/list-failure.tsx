"use client";
// The body of an error.tsx around a list: what failed, a reference for the logs, and a retry.
import { useRouter } from "next/navigation";
import { startTransition } from "react";
import { Button, Code, Text } from "@mantine/core";
import { IconRefresh } from "@tabler/icons-react";
import { DataTableError } from "./data-table-states";

interface ListFailureProps {
  title: string;
  error: Error & { digest?: string };
  reset: () => void;
}

export function ListFailure({ title, error, reset }: ListFailureProps) {
  const router = useRouter();
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <DataTableError title={title} message="Something went wrong on the server. Try again; if it keeps failing, give your administrator the reference below.">
      {error.digest && (
        <Text size="xs" c="dimmed">
          Reference: <Code>{error.digest}</Code>
        </Text>
      )}
      <Button size="xs" variant="light" color="red" leftSection={<IconRefresh size={14} aria-hidden />} onClick={retry}>
        Try again
      </Button>
    </DataTableError>
  );
}

"use client";
// The diff over a table: a dialog on the diff's own URL. Closing it (Escape, the close button, a
// click outside) goes back to the table as it was, with the focus on the row's "Show changes" that
// opened it; "Open as page" loads the URL as its own page. Like every modal of the console, it opens
// inside the page's <main> (console-shell.tsx), so that its content is within a landmark.
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { Anchor, Group, Modal, Stack } from "@mantine/core";
import { IconExternalLink } from "@tabler/icons-react";
import { keepFocus } from "@/components/data-table/keep-focus";
import { changesOpenerSelector } from "./show-changes-link";

interface ChangesModalProps {
  eventId: string;
  title: string;
  pageHref: string;
  children: ReactNode;
}

export function ChangesModal({ eventId, title, pageHref, children }: ChangesModalProps) {
  const router = useRouter();
  return (
    <Modal
      opened
      onClose={() => {
        keepFocus([changesOpenerSelector(eventId)]);
        router.back();
      }}
      size="80rem"
      radius="md"
      title={title}
      styles={{ title: { fontWeight: 700, fontSize: "var(--mantine-font-size-lg)" } }}
      closeButtonProps={{ "aria-label": "Close the changes" }}
      overlayProps={{ backgroundOpacity: 0.45 }}
    >
      <Stack gap="sm">
        <Group justify="flex-end">
          {/* A plain link: a full load, so the URL is not intercepted into this dialog again. */}
          <Anchor href={pageHref} size="sm">
            <Group gap={4} wrap="nowrap" component="span">
              Open as page
              <IconExternalLink size={14} aria-hidden />
            </Group>
          </Anchor>
        </Group>
        {children}
      </Stack>
    </Modal>
  );
}

"use client";
// The export buttons of a search tab's (or an entity timeline's) results: PDF and Excel, CSV and
// JSON lines in a menu. They export the whole filtered result as the URL describes it, not the page on screen.
import { Alert, Button, Group, Menu, Modal, Stack, Text, Tooltip } from "@mantine/core";
import { IconCertificate, IconChevronDown, IconDownload, IconFileSpreadsheet, IconFileTypePdf } from "@tabler/icons-react";
import { useSearchParams } from "next/navigation";
import { formatCount } from "@/lib/audit/search/list-result";
import { exportHref, FORMAT_INFO, type ExportFormat } from "@/lib/export/export-formats";
import { keepFocus } from "@/components/data-table/keep-focus";
import { useExportDownload } from "./use-export-download";

const MENU_FORMATS = new Set<ExportFormat>(["csv", "jsonl"]);

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

/** `target`: what the export route exports, a tab's id ("artifacts") or an entity's ("artifact-12"). */
export function ExportMenu({ target }: { target: string }) {
  const searchParams = useSearchParams();
  const query = new URLSearchParams(searchParams.toString());
  // The whole result: paging is not a filter.
  query.delete("page");
  query.delete("size");
  // An entity page's way back is no filter either.
  query.delete("back");
  const queryText = query.size > 0 ? `?${query.toString()}` : "";
  const download = useExportDownload((format) => exportHref(target, format, queryText));
  const { state, saved, dismiss } = download;
  // The buttons are disabled while a file is made: the focus comes back to the one used (More
  // formats for CSV and JSON lines), also after the confirmation dialog.
  const refocus = (format: ExportFormat) => keepFocus([`[data-export-format="${MENU_FORMATS.has(format) ? "more" : format}"]`]);
  const start = (format: ExportFormat) => {
    refocus(format);
    return download.start(format);
  };
  const confirm = () => {
    if (state.phase === "confirm") refocus(state.format);
    return download.confirm();
  };
  const cancel = () => {
    if (state.phase === "confirm") refocus(state.format);
    dismiss();
  };
  const busy = state.phase === "counting" || state.phase === "downloading";

  const label = (format: ExportFormat) => {
    if (state.phase === "counting" && state.format === format) return "Counting…";
    if (state.phase === "downloading" && state.format === format) {
      return state.bytes > 0 ? `Downloading… ${megabytes(state.bytes)}` : `Preparing ${formatCount(state.preflight.rows)} rows…`;
    }
    return FORMAT_INFO[format].label;
  };

  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap" justify="flex-end" role="group" aria-label="Export">
        <Button
          size="xs"
          variant="default"
          leftSection={<IconFileTypePdf size={15} />}
          disabled={busy}
          onClick={() => void start("pdf")}
          data-export-format="pdf"
        >
          {label("pdf")}
        </Button>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconFileSpreadsheet size={15} />}
          disabled={busy}
          onClick={() => void start("xlsx")}
          data-export-format="xlsx"
        >
          {label("xlsx")}
        </Button>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconDownload size={15} />}
              rightSection={<IconChevronDown size={14} />}
              disabled={busy}
              data-export-format="more"
            >
              {state.phase === "downloading" && (state.format === "csv" || state.format === "jsonl") ? label(state.format) : "More formats"}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => void start("csv")}>CSV (Blueprint columns)</Menu.Item>
            <Menu.Item onClick={() => void start("jsonl")}>JSON lines</Menu.Item>
          </Menu.Dropdown>
        </Menu>
        {saved && (
          <Tooltip
            multiline
            w={320}
            label={`The signed proof that the rows of ${saved.fileName} are in the audit log and unedited: keep it beside the file, and check both with npm run verify -- --export FILE --key PUBLIC-KEY.${saved.format === "xlsx" ? " The Excel file also holds it, in its Manifest sheet." : ""}`}
          >
            <Button
              component="a"
              href={saved.manifestHref}
              download
              size="xs"
              variant="subtle"
              leftSection={<IconCertificate size={15} />}
              data-export-manifest
            >
              Manifest of the {FORMAT_INFO[saved.format].label} export
            </Button>
          </Tooltip>
        )}
      </Group>
      {state.phase === "busy" && (
        <Alert color="yellow" title={`${FORMAT_INFO[state.format].label} export not started`} withCloseButton onClose={dismiss} role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{state.message}</Text>
            <Button size="xs" variant="light" color="yellow" onClick={() => void start(state.format)}>
              Try again
            </Button>
          </Stack>
        </Alert>
      )}
      {(state.phase === "refused" || state.phase === "failed") && (
        <Alert
          color={state.phase === "refused" ? "yellow" : "red"}
          title={`${FORMAT_INFO[state.format].label} export ${state.phase === "refused" ? "refused" : "failed"}`}
          withCloseButton
          onClose={dismiss}
          role="alert"
        >
          {state.message}
        </Alert>
      )}
      <Modal opened={state.phase === "confirm"} onClose={cancel} title="Export all matching events?" centered>
        {state.phase === "confirm" && (
          <>
            <Text size="sm">
              The {FORMAT_INFO[state.format].label} file will hold {formatCount(state.preflight.rows)} events: every event that matches these filters, not only
              this page.
            </Text>
            <Text size="xs" c="dimmed" mt="xs">
              {state.preflight.fileName}
            </Text>
            <Group justify="flex-end" mt="md">
              <Button variant="default" onClick={cancel}>
                Cancel
              </Button>
              <Button onClick={() => void confirm()}>Export {formatCount(state.preflight.rows)} events</Button>
            </Group>
          </>
        )}
      </Modal>
    </Stack>
  );
}

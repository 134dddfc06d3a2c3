"use client";
// Runs one export in the browser: asks the server how many rows it will hold (and whether the
// format refuses them), asks the admin to confirm a large one, then downloads it with progress.
import { useEffect, useRef, useState } from "react";
import type { ExportFormat } from "@/lib/export/export-formats";

export interface ExportPreflight {
  rows: number;
  fileName: string;
  refusal: string | null;
  maxRows: number | null;
}

export type ExportState =
  | { phase: "idle" }
  | { phase: "counting"; format: ExportFormat }
  | { phase: "confirm"; format: ExportFormat; preflight: ExportPreflight }
  | { phase: "refused"; format: ExportFormat; message: string }
  /** too many exports running (429) or the database busy (503): worth trying again after a while */
  | { phase: "busy"; format: ExportFormat; message: string; retryAfterSeconds: number }
  | { phase: "downloading"; format: ExportFormat; preflight: ExportPreflight; bytes: number }
  | { phase: "failed"; format: ExportFormat; message: string };

/** An export saved in this page, and where its manifest is downloaded (the route's X-Export-Manifest). */
export interface SavedExport {
  format: ExportFormat;
  fileName: string;
  manifestHref: string;
}

/** Above this many rows the admin confirms before the file is made. */
export const CONFIRM_ROWS = 1_000;

async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    return body.error?.message ?? `The server answered ${response.status}.`;
  } catch {
    return `The server answered ${response.status}.`;
  }
}

/** The state for a refused request: busy (try again later) for 429 and 503, failed for the rest. */
async function refusedState(format: ExportFormat, response: Response): Promise<ExportState> {
  const message = await errorMessage(response);
  if (response.status !== 429 && response.status !== 503) return { phase: "failed", format, message };
  const retryAfterSeconds = Number(response.headers.get("Retry-After")) || 10;
  return { phase: "busy", format, message, retryAfterSeconds };
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `href(format)`: the export's URL with the tab's filters. */
export function useExportDownload(href: (format: ExportFormat) => string) {
  const [state, setState] = useState<ExportState>({ phase: "idle" });
  const [saved, setSaved] = useState<SavedExport | null>(null);
  // A download nobody sees any more (the admin went to another tab) is stopped: it would hold one
  // of the user's export slots on the server until it finished.
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  async function download(format: ExportFormat, preflight: ExportPreflight): Promise<void> {
    setState({ phase: "downloading", format, preflight, bytes: 0 });
    const controller = new AbortController();
    running.current = controller;
    try {
      const response = await fetch(href(format), { signal: controller.signal });
      if (!response.ok || !response.body) {
        setState(await refusedState(format, response));
        return;
      }
      const reader = response.body.getReader();
      const parts: Uint8Array<ArrayBuffer>[] = [];
      let bytes = 0;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parts.push(value);
        bytes += value.byteLength;
        setState({ phase: "downloading", format, preflight, bytes });
      }
      saveBlob(new Blob(parts, { type: response.headers.get("Content-Type") ?? "application/octet-stream" }), preflight.fileName);
      // The manifest is ready now that the file has been read to its end.
      const manifestHref = response.headers.get("X-Export-Manifest");
      setSaved(manifestHref ? { format, fileName: preflight.fileName, manifestHref } : null);
      setState({ phase: "idle" });
    } catch (error) {
      if (controller.signal.aborted) return;
      setState({ phase: "failed", format, message: error instanceof Error ? error.message : String(error) });
    } finally {
      if (running.current === controller) running.current = null;
    }
  }

  async function start(format: ExportFormat): Promise<void> {
    setState({ phase: "counting", format });
    try {
      const url = href(format);
      const response = await fetch(`${url}${url.includes("?") ? "&" : "?"}preflight=1`);
      if (!response.ok) {
        setState(await refusedState(format, response));
        return;
      }
      const preflight = (await response.json()) as ExportPreflight;
      if (preflight.refusal) setState({ phase: "refused", format, message: preflight.refusal });
      else if (preflight.rows > CONFIRM_ROWS) setState({ phase: "confirm", format, preflight });
      else await download(format, preflight);
    } catch (error) {
      setState({ phase: "failed", format, message: error instanceof Error ? error.message : String(error) });
    }
  }

  return {
    state,
    saved,
    start,
    confirm: () => (state.phase === "confirm" ? download(state.format, state.preflight) : Promise.resolve()),
    dismiss: () => setState({ phase: "idle" }),
  };
}

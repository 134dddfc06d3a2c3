// How many exports run at once: at most the database's bulk readers in all (EXPORT_CONCURRENCY;
// their connections are a pool of their own), and EXPORT_CONCURRENCY_PER_USER for one user, so that
// one user's ten tabs cannot take every slot. Past either, the export is refused at once (429 with
// Retry-After) rather than queued behind a download of unknown length.
import "server-only";
import { getDb } from "@/lib/db";

/** What a refused export is told to wait before trying again, in seconds. */
export const EXPORT_RETRY_AFTER_SECONDS = 10;
const DEFAULT_PER_USER = 2;

export class ExportBusyError extends Error {
  readonly retryAfterSeconds = EXPORT_RETRY_AFTER_SECONDS;
  constructor(message: string) {
    super(message);
    this.name = "ExportBusyError";
  }
}

/**
 * A running export's place. Held by its download stream and, while it reads, by its bulk reader: the
 * place is free again only when both have let go, so a new export never finds the old one's
 * connections still taken.
 */
export interface ExportSlot {
  /** one more holder: release() must be called once more */
  hold(): void;
  release(): void;
}

interface SlotState {
  running: Map<ExportCaller, number>;
  total: number;
}

const holder = globalThis as { __auditConsoleExportSlots?: SlotState };

function state(): SlotState {
  holder.__auditConsoleExportSlots ??= { running: new Map(), total: 0 };
  return holder.__auditConsoleExportSlots;
}

/** Whose exports share the per-user limit: a console account, or an API token. */
export type ExportCaller = number | `token:${number}`;

export function exportCallerOf(principal: { userId: number | null; apiToken?: { id: number } }): ExportCaller {
  return principal.apiToken ? `token:${principal.apiToken.id}` : (principal.userId ?? 0);
}

function exportLimits(): { total: number; perUser: number } {
  const text = process.env.EXPORT_CONCURRENCY_PER_USER;
  const perUser = text ? Number(text) : DEFAULT_PER_USER;
  if (!Number.isInteger(perUser) || perUser < 1) throw new Error(`EXPORT_CONCURRENCY_PER_USER must be a whole number of at least 1, not "${text}"`);
  const total = getDb().bulkReaders;
  return { total, perUser: Math.min(perUser, total) };
}

function plural(count: number, one: string): string {
  return `${count} ${one}${count === 1 ? "" : "s"}`;
}

/** How many exports hold a slot now. */
export function exportsRunning(): number {
  return state().total;
}

/** Why an export by `caller` (a console account's id, or "token:<id>") would be refused now, or null when a slot is free. */
export function exportRefusal(caller: ExportCaller): string | null {
  const { total, perUser } = exportLimits();
  const { running } = state();
  if ((running.get(caller) ?? 0) >= perUser) {
    return `You already have ${plural(perUser, "export")} running, as many as one user may. Wait until one has finished downloading, then try again.`;
  }
  if (state().total >= total) {
    return `The console is already running ${plural(total, "export")}, as many as it runs at once. Try again in a few seconds.`;
  }
  return null;
}

/** Takes a slot for an export by `caller`, or throws ExportBusyError saying why not. */
export function acquireExportSlot(caller: ExportCaller): ExportSlot {
  const refusal = exportRefusal(caller);
  if (refusal) throw new ExportBusyError(refusal);
  const slots = state();
  slots.total += 1;
  slots.running.set(caller, (slots.running.get(caller) ?? 0) + 1);
  let holders = 1;
  return {
    hold() {
      if (holders > 0) holders += 1;
    },
    release() {
      if (holders === 0) return;
      holders -= 1;
      if (holders > 0) return;
      slots.total -= 1;
      const left = (slots.running.get(caller) ?? 1) - 1;
      if (left > 0) slots.running.set(caller, left);
      else slots.running.delete(caller);
    },
  };
}

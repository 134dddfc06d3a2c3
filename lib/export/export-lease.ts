// An export's hold on the database: the bulk reader it reads through (opened before the download
// starts, so that a busy pool is a 503 rather than a broken file) and its slot. Given back exactly
// once: by the batches when they end or stop, or by the end of a download whose batches never
// began. A reader that is reading is never given back from outside: its cursor is still open.
import "server-only";
import { getDb, type BulkReader } from "@/lib/db";
import type { ExportSlot } from "./export-slots";

export class ExportLease {
  private state: "waiting" | "reading" | "returned" = "waiting";

  private constructor(
    readonly reader: BulkReader,
    private readonly slot: ExportSlot | undefined,
  ) {
    slot?.hold();
  }

  /** Opens the database's bulk reader for an export holding `slot` (none: scripts and benchmarks). */
  static async open(slot?: ExportSlot): Promise<ExportLease> {
    return new ExportLease(await getDb().openBulkReader(), slot);
  }

  /** The batches begin; false when the download has already ended and nothing should be read. */
  begin(): boolean {
    if (this.state !== "waiting") return false;
    this.state = "reading";
    return true;
  }

  /** The batches have ended or stopped: the reader and the slot go back. */
  giveBack(): void {
    if (this.state === "returned") return;
    this.state = "returned";
    this.reader.release();
    this.slot?.release();
  }

  /** The download ended: gives back a reader that never began reading (one that is reading gives itself back). */
  abandon(): void {
    if (this.state === "waiting") this.giveBack();
  }
}

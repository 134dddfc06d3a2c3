// Events of both kinds for the audit log's tests (lib/audit/integrity/): logins and work item
// updates with changes, names in several scripts, and details whose JSON PostgreSQL rewrites (key
// order, a number's form), one a second from 2026-11-01.
import { recordEvent } from "@/lib/audit/events/record-event";

/** Records `count` events, numbered from `from`, through the app's database (getDb). */
export async function addEvents(count: number, from = 0): Promise<void> {
  for (let i = from; i < from + count; i++) {
    await recordEvent({
      eventType: i % 2 ? "WORK_ITEM_UPDATE" : "USER_LOGIN",
      actor: { id: i, name: i % 3 ? `user${i}` : "山田 太郎" },
      ...(i % 2
        ? { artifact: { id: 100 + i, name: `Item ${i}`, kind: "WORK_ITEM" as const }, changes: [{ field: "Status", old: "New", new: `Done ${i}` }] }
        : {}),
      details: { b: 1.5e-7, a: { z: [i, "ü"], y: null } },
      createdAt: new Date(Date.UTC(2026, 10, 1, 0, 0, i, 123)),
    });
  }
}

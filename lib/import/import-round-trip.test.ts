import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { FieldChange } from "@/lib/audit/events/changes";
import type { SearchTabId } from "@/lib/audit/tabs/search-tabs";
import { runAs } from "@/lib/auth/principal-context";
import { type Database, setDb } from "@/lib/db";
import { planExport } from "@/lib/export/run-export";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { validateEvents } from "@/lib/ingest/ingest-request";
import type { IngestEventInput } from "@/lib/ingest/ingest-schema";
import { testDatabases } from "@/lib/test/databases";
import { bytesOf } from "@/lib/test/export-bytes";
import { AUDITOR } from "@/lib/test/tab-fixture-hooks";
import { databaseSink } from "./database-sink";
import { importFiles } from "./run-import";

// The console's own JSON-lines export, of every tab, imported into an empty database: the same
// events come back, and the same directory; a second import adds nothing.
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));

const NOW = Date.now();
const at = (hoursAgo: number) => new Date(NOW - hoursAgo * 3_600_000).toISOString();
const alice = { id: "101", username: "alice", displayName: "Alice Zoë", email: "alice@example.com" };
const bob = { id: "102", username: "bob" };
const carol = { id: "103", username: "carol" };
const zoe = { id: "104", username: "zoë.łukasz" };
const pump = { id: "p-1", name: "Infusion Pump" };
const bugs = { id: "t-1", name: "Bugs" };
const alarm = { id: "wi-1", name: "Alarm late", kind: "WORK_ITEM" };
const plan = { id: "a-1", name: "Test Plan", kind: "ARTIFACT" };

const SENT: IngestEventInput[] = [
  { id: "e1", type: "User Login", createdAt: at(200), actor: alice, ip: "10.0.0.7", userAgent: "Mozilla/5.0" },
  { id: "e2", type: "USER_LOGOUT", createdAt: at(199), actor: alice, ip: "2001:db8::1" },
  { id: "e3", type: "USER_SYSTEM_LOGOUT", createdAt: at(198), actor: bob },
  {
    id: "e4",
    type: "WORK_ITEM_CREATE",
    createdAt: at(150),
    actor: alice,
    project: pump,
    tracker: bugs,
    artifact: alarm,
    changes: [
      { field: "Summary", old: null, new: "Alarm late" },
      { field: "Description", kind: "longtext", old: null, new: "The pump shall raise an alarm within 5 seconds." },
    ],
  },
  {
    id: "e5",
    type: "WORK_ITEM_UPDATE",
    createdAt: at(140),
    actor: bob,
    project: pump,
    tracker: bugs,
    artifact: alarm,
    changes: [
      { field: "Assignee", kind: "user", old: null, new: { id: 103, name: "carol" } },
      { field: "Story points", kind: "number", old: 3, new: 5 },
    ],
  },
  { id: "e6", type: "WORK_ITEM_REMOVE", createdAt: at(130), actor: carol, project: pump, tracker: bugs, artifact: alarm },
  { id: "e7", type: "WORK_ITEM_RESTORE", createdAt: at(120), actor: carol, project: pump, tracker: bugs, artifact: alarm },
  { id: "e8", type: "ARTIFACT_CREATE", createdAt: at(110), actor: zoe, project: pump, artifact: plan, message: "Imported from Word" },
  {
    id: "e9",
    type: "ARTIFACT_UPDATE",
    createdAt: at(100),
    actor: zoe,
    project: pump,
    artifact: plan,
    changes: [{ field: "Reviewers", kind: "list", old: ["bob"], new: ["bob", "carol"] }],
  },
  { id: "e10", type: "WORK_ITEM_DELETE", createdAt: at(90), actor: alice, project: pump, tracker: bugs, artifact: alarm },
  { id: "e11", type: "USER_CREATE", createdAt: at(80), actor: alice, targetUser: carol },
  {
    id: "e12",
    type: "GROUP_ASSIGN",
    createdAt: at(80),
    actor: alice,
    targetUser: carol,
    artifact: { id: "g-dev", name: "Developers" },
    message: "Impacted User: carol (Enabled)",
  },
  { id: "e13", type: "USER_DISABLE", createdAt: at(70), actor: alice, targetUser: bob },
  { id: "e14", type: "GROUP_REMOVE", createdAt: at(70), actor: alice, targetUser: bob, artifact: { id: "g-dev", name: "Developers" } },
  {
    id: "e15",
    type: "ARTIFACT_PERMISSION_UPDATE",
    createdAt: at(60),
    actor: alice,
    project: pump,
    tracker: bugs,
    artifact: { id: "perm-bugs", name: "Bugs tracker permissions" },
    changes: [{ field: "Permissions", kind: "access", old: { Developer: "Read" }, new: { Developer: "Read & Write" } }],
  },
];

const TABS: SearchTabId[] = ["logins", "artifacts", "permissions", "console"];

/** A change's user as its name: directory ids differ from one database to the other. */
const withoutUserIds = (changes: FieldChange[] | null) =>
  changes?.map((change) =>
    change.kind === "user"
      ? { ...change, old: change.old && { name: (change.old as { name: string }).name }, new: change.new && { name: (change.new as { name: string }).name } }
      : change,
  ) ?? null;

/** Everything an event shows, ids aside, oldest first; and the directory it built. */
async function snapshot(db: Database, source: string) {
  const events = await db.prisma.auditEvent.findMany({ where: { source }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const users = await db.prisma.user.findMany({ where: { source }, orderBy: { username: "asc" }, select: { username: true, enabled: true } });
  const artifacts = await db.prisma.artifact.findMany({ where: { source }, orderBy: { name: "asc" }, select: { name: true, kind: true, state: true } });
  return {
    events: events.map((event) => ({
      type: event.eventType,
      createdAt: event.createdAt.toISOString(),
      actor: event.actorName,
      actorLinked: event.actorId !== null,
      target: event.targetUserName,
      project: event.projectName,
      tracker: event.trackerName,
      artifact: event.artifactName,
      artifactKind: event.artifactKind,
      message: event.message,
      changes: withoutUserIds(event.changes as FieldChange[] | null),
      changeUsersLinked: (event.changes as FieldChange[] | null)?.every((change) => change.kind !== "user" || (change.new as { id: number }).id !== null),
      ip: event.ip,
      userAgent: event.userAgent,
    })),
    users,
    artifacts,
  };
}

describe.each(testDatabases())("importing the console's JSON lines on $name", ({ open }) => {
  let first: Database;
  let second: Database;
  const dir = mkdtempSync(path.join(tmpdir(), "import-round-trip-"));

  beforeAll(async () => {
    [first, second] = await Promise.all([open(), open()]);
  });
  afterAll(async () => {
    setDb(undefined);
    await Promise.all([first?.close(), second?.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it("brings every tab's events back as they were, and adds nothing the second time", async () => {
    setDb(first);
    await first.prisma.eventSource.create({ data: { name: "alm" } });
    expect(await ingestEvents("alm", validateEvents(SENT))).toMatchObject({ accepted: SENT.length });
    const files: string[] = [];
    for (const tab of TABS) {
      const bytes = await runAs(AUDITOR, async () => {
        const planned = await planExport(tab, "jsonl", new URLSearchParams(), { timeZone: "Europe/Berlin", batchSize: 4 });
        return bytesOf((await planned.prepare()).chunks());
      });
      const file = path.join(dir, `${tab}.jsonl`);
      writeFileSync(file, bytes);
      files.push(file);
    }
    const sent = await snapshot(first, "alm");
    expect(sent.events).toHaveLength(SENT.length);
    expect(sent.users).toContainEqual({ username: "bob", enabled: false });

    setDb(second);
    const sink = await databaseSink(second, "restored");
    const imported = await importFiles(files, sink, { format: "jsonl", timeZone: "UTC" });
    expect(imported.stopped).toBeNull();
    expect(imported.totals).toEqual({ accepted: SENT.length, duplicates: 0, dropped: 0, expired: 0 });
    expect(imported.tallies.map((tally) => tally.unreadableCount)).toEqual([0, 0, 0, 0]);
    // The Console tab holds the exports made above: the console's own events, never sent.
    expect([...imported.tallies[3]!.skipped.keys()]).toEqual(["Audit Export (the console's own events cannot be imported)"]);
    expect(imported.tallies[3]!.eventsMade).toBe(0);
    const back = await snapshot(second, "restored");
    expect(back).toEqual(sent);
    expect(back.events.every((event) => event.actorLinked && event.changeUsersLinked !== false)).toBe(true);

    const again = await importFiles(files, sink, { format: "jsonl", timeZone: "UTC" });
    expect(again.totals).toEqual({ accepted: 0, duplicates: SENT.length, dropped: 0, expired: 0 });
    expect(await second.prisma.auditEvent.count({ where: { source: "restored" } })).toBe(SENT.length);
  });
});

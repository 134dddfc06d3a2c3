// "Open in the source system": an administrator sets a source's template (a Console event); entity
// pages and the diff view fill it with the source's own ids.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { InputError } from "@/lib/api/input-error";
import { AuthError } from "@/lib/auth/guard";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { testDatabases } from "@/lib/test/databases";
import { FIXTURE_SOURCE } from "@/lib/test/tab-fixture";
import { asAuditor, useTabFixture } from "@/lib/test/tab-fixture-hooks";
import { getChangeView } from "../diff/change-view";
import { entitySourceLink, getSourceLinkTemplates, setSourceLinkTemplate } from "./source-link-store";

vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));

const ADMIN: Principal = { userId: 2, username: "root", displayName: "Root", role: "ADMIN", sessionId: null };
const asAdmin = <T>(work: () => Promise<T>) => runAs(ADMIN, work);
const CONTEXT = { via: "console", request: { ip: "192.0.2.1", userAgent: "vitest" } } as const;
const TEMPLATE = "https://alm.example.com/cb/item/{artifactId}?tracker={trackerId}";

describe.each(testDatabases())("source link templates on $name", ({ open }) => {
  const fixture = useTabFixture(open);

  beforeAll(async () => {
    const { prisma } = fixture.db;
    await prisma.eventSource.upsert({ where: { name: FIXTURE_SOURCE }, create: { name: FIXTURE_SOURCE }, update: {} });
    await prisma.artifact.update({ where: { id: fixture.ids.artifacts.alarm }, data: { source: FIXTURE_SOURCE, sourceId: "ITEM 7" } });
    await prisma.tracker.update({ where: { id: fixture.ids.trackers.pumpBugs }, data: { source: FIXTURE_SOURCE, sourceId: "T-2" } });
  });

  it("is set by an administrator only, recorded as an Audit Config Change with the old and new template", async () => {
    await expect(asAuditor(() => setSourceLinkTemplate({ source: FIXTURE_SOURCE, linkTemplate: TEMPLATE }, CONTEXT))).rejects.toBeInstanceOf(AuthError);
    expect(await asAdmin(() => setSourceLinkTemplate({ source: FIXTURE_SOURCE, linkTemplate: ` ${TEMPLATE} ` }, CONTEXT))).toEqual({ changed: true });
    expect(await asAdmin(() => setSourceLinkTemplate({ source: FIXTURE_SOURCE, linkTemplate: TEMPLATE }, CONTEXT))).toEqual({ changed: false });
    expect(await asAdmin(() => getSourceLinkTemplates())).toMatchObject({ [FIXTURE_SOURCE]: TEMPLATE });
    const recorded = await fixture.db.prisma.auditEvent.findMany({ where: { eventType: "AUDIT_CONFIG_CHANGE", actorName: "root" } });
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      category: "SYSTEM",
      message: `Source "${FIXTURE_SOURCE}": link template set to ${TEMPLATE}`,
      changes: [{ field: `Link template of ${FIXTURE_SOURCE}`, old: "", new: TEMPLATE }],
      details: { setting: "sourceLink", source: FIXTURE_SOURCE, via: "console" },
    });
  });

  it("refuses a bad template or an unknown source, naming the field", async () => {
    const refused = asAdmin(() => setSourceLinkTemplate({ source: FIXTURE_SOURCE, linkTemplate: "https://alm.example.com/{itemId}" }, CONTEXT));
    await expect(refused).rejects.toBeInstanceOf(InputError);
    await expect(refused).rejects.toMatchObject({ field: "linkTemplate", message: expect.stringMatching(/^Link template: \{itemId\} is not a placeholder/) });
    await expect(asAdmin(() => setSourceLinkTemplate({ source: "nobody", linkTemplate: TEMPLATE }, CONTEXT))).rejects.toMatchObject({ field: "source" });
  });

  it("links an entity, and an event's diff, where every placeholder has an id in the source", async () => {
    expect(await asAuditor(() => entitySourceLink({ kind: "artifact", id: fixture.ids.artifacts.alarm }))).toEqual({
      href: "https://alm.example.com/cb/item/ITEM%207?tracker=T-2",
      source: FIXTURE_SOURCE,
    });
    // The plan has no id in the source, a project's page no {artifactId}: no link rather than a broken one.
    expect(await asAuditor(() => entitySourceLink({ kind: "artifact", id: fixture.ids.artifacts.plan }))).toBeNull();
    expect(await asAuditor(() => entitySourceLink({ kind: "project", id: fixture.ids.projects.pump }))).toBeNull();
    const view = await asAuditor(() => getChangeView(fixture.ids.events.get("alarm-update")!));
    expect(view?.sourceLink).toEqual({ href: "https://alm.example.com/cb/item/ITEM%207?tracker=T-2", source: FIXTURE_SOURCE });
    await expect(entitySourceLink({ kind: "user", id: 1 })).rejects.toBeInstanceOf(AuthError);
  });

  it("is removed by a blank template", async () => {
    expect(await asAdmin(() => setSourceLinkTemplate({ source: FIXTURE_SOURCE, linkTemplate: "  " }, CONTEXT))).toEqual({ changed: true });
    expect(await asAuditor(() => entitySourceLink({ kind: "artifact", id: fixture.ids.artifacts.alarm }))).toBeNull();
  });
});

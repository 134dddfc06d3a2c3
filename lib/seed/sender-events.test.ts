import { describe, expect, it } from "vitest";
import { validateEvents } from "@/lib/ingest/ingest-request";
import { senderEvents } from "./sender-events";

describe("the demo's events as a sender posts them", () => {
  it("pass the ingestion API's validation, every type of the three ALM tabs among them", () => {
    const batches = senderEvents({ events: 5_000, idPrefix: "t-", batchSize: 1000 });
    const events = Array.from({ length: 6 }, () => batches.next().value!).flat();
    const now = new Date().toISOString();
    const valid = validateEvents(events.map((event) => ({ ...event, createdAt: now })));
    expect(events.length).toBeGreaterThanOrEqual(6000);
    expect(valid).toHaveLength(events.length);
    expect(new Set(valid.map((event) => event.id)).size).toBe(events.length);
    const types = new Set(valid.map((event) => event.type));
    for (const type of ["USER_LOGIN", "WORK_ITEM_UPDATE", "ARTIFACT_CREATE", "GROUP_ASSIGN", "ARTIFACT_PERMISSION_UPDATE"]) expect(types).toContain(type);
    const update = valid.find((event) => event.type === "WORK_ITEM_UPDATE" && event.changes?.length);
    expect(update).toMatchObject({ artifact: { kind: "WORK_ITEM" }, tracker: { id: expect.any(String) }, project: { id: expect.any(String) } });
    expect(valid.find((event) => event.actor.displayName === "Zoë Müller")).toBeDefined();
  });
});

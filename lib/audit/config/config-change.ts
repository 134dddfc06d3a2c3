// What every configuration change shares, from the tab or the API: who asks and from where, the one
// lock that orders concurrent changes, and the AUDIT_CONFIG_CHANGE event that records it.
import type { RequestInfo } from "@/lib/auth/request-info";
import type { Principal } from "@/lib/auth/principal";
import { recordEvent, type NewFieldChange } from "../events/record-event";
import type { DbClient } from "./event-switches";

/** Where a change came from: the Config tab or the REST API. */
export type ChangeChannel = "console" | "api";

export interface ChangeContext {
  via: ChangeChannel;
  request: RequestInfo;
}

/** Which setting a config change event is about, in its details. */
export type ConfigSetting = "coverage" | "retention" | "octaneAudits" | "sourceLink";

// Serializes configuration changes (across processes too), so that each event's "old" is the value
// the previous change left.
const CONFIG_CHANGE_LOCK = 0x41554443;

export async function lockConfigChanges(tx: DbClient): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${CONFIG_CHANGE_LOCK}::bigint)`;
}

interface ConfigChangeEvent {
  setting: ConfigSetting;
  message: string;
  changes: NewFieldChange[];
  details?: Record<string, string | number | boolean | string[]>;
}

/** Records the change as an AUDIT_CONFIG_CHANGE event inside the transaction that makes it. */
export async function recordConfigChange(tx: DbClient, principal: Principal, context: ChangeContext, event: ConfigChangeEvent): Promise<void> {
  await recordEvent(
    {
      eventType: "AUDIT_CONFIG_CHANGE",
      actor: { id: principal.userId, name: principal.username },
      message: event.message,
      changes: event.changes,
      details: { setting: event.setting, via: context.via, ...event.details },
      ip: context.request.ip,
      userAgent: context.request.userAgent,
    },
    { client: tx },
  );
}

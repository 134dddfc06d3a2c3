// ingestEventSchema's reading of an event whose every part is plainly valid, without zod's cost
// (zod took about 100 µs an event, a strict object and a union of string and number being the
// dearest: the server's one thread could not validate 10,000 events a second). Undefined for
// anything else, which zod then reads and words the error for. A property test
// (plain-event.test.ts) holds the two to the same answers.
import { plainChangeList } from "@/lib/audit/events/changes";
import { RESERVED_KEYS } from "@/lib/validation/reserved-keys";
import {
  artifactKindOf,
  EMAIL_MAX,
  eventProblems,
  ID_MAX,
  type IngestEvent,
  ipAddress,
  isoTime,
  MAX_CHANGES,
  MESSAGE_MAX,
  NAME_MAX,
  sendableEventType,
  USER_AGENT_MAX,
  withArtifactKind,
} from "./ingest-schema";

type Plain = Record<string, unknown>;
const INVALID = Symbol("invalid");
type Read<T> = T | typeof INVALID;

const EVENT_KEYS = new Set([
  "id",
  "type",
  "createdAt",
  "actor",
  "targetUser",
  "project",
  "tracker",
  "artifact",
  "message",
  "changes",
  "ip",
  "userAgent",
  "details",
]);
const PERSON_KEYS = new Set(["id", "username", "displayName", "email", "enabled"]);
const PLACE_KEYS = new Set(["id", "name"]);
const ARTIFACT_KEYS = new Set(["id", "name", "kind"]);

function isRecord(value: unknown): value is Plain {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function onlyKeys(value: Plain, keys: Set<string>): boolean {
  for (const key in value) if (!keys.has(key)) return false;
  return true;
}

function trimmed(value: unknown, max: number): Read<string> {
  if (typeof value !== "string") return INVALID;
  const text = value.trim();
  return text.length >= 1 && text.length <= max ? text : INVALID;
}

function senderId(value: unknown): Read<string> {
  if (typeof value === "number") return Number.isSafeInteger(value) ? String(value) : INVALID;
  return trimmed(value, ID_MAX);
}

/** An optional field as zod's .nullish() gives it: absent stays absent (undefined), null stays null. */
function nullish<T>(value: unknown, read: (value: unknown) => Read<T>): Read<T | null | undefined> {
  return value === undefined || value === null ? value : read(value);
}

const text = (max: number) => (value: unknown) => (typeof value === "string" && value.length <= max ? value : INVALID);

function person(value: unknown): Read<Plain> {
  if (!isRecord(value) || !onlyKeys(value, PERSON_KEYS)) return INVALID;
  const out: Plain = { id: senderId(value.id), username: trimmed(value.username, ID_MAX) };
  if ("displayName" in value) out.displayName = nullish(value.displayName, (name) => trimmed(name, NAME_MAX));
  if ("email" in value) out.email = nullish(value.email, text(EMAIL_MAX));
  if ("enabled" in value) out.enabled = nullish(value.enabled, (flag) => (typeof flag === "boolean" ? flag : INVALID));
  return Object.values(out).includes(INVALID) ? INVALID : out;
}

function place(value: unknown): Read<Plain> {
  if (!isRecord(value) || !onlyKeys(value, PLACE_KEYS)) return INVALID;
  const out = { id: senderId(value.id), name: trimmed(value.name, NAME_MAX) };
  return out.id === INVALID || out.name === INVALID ? INVALID : out;
}

function artifact(value: unknown): Read<Plain> {
  if (!isRecord(value) || !onlyKeys(value, ARTIFACT_KEYS)) return INVALID;
  const out: Plain = { name: trimmed(value.name, NAME_MAX) };
  if ("id" in value && value.id !== undefined) out.id = senderId(value.id);
  if ("kind" in value && value.kind !== undefined) out.kind = typeof value.kind === "string" ? (artifactKindOf(value.kind) ?? INVALID) : INVALID;
  return Object.values(out).includes(INVALID) ? INVALID : out;
}

function isJson(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => isJson(item, depth + 1));
  if (!isRecord(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key in value) if (RESERVED_KEYS.has(key) || !isJson(value[key], depth + 1)) return false;
  return true;
}

/** The event as ingestEventSchema would give it, or undefined when zod must read it (it may be invalid). */
export function plainIngestEvent(value: unknown, now: number): IngestEvent | undefined {
  if (!isRecord(value) || !onlyKeys(value, EVENT_KEYS)) return undefined;
  const type = typeof value.type === "string" ? sendableEventType(value.type) : undefined;
  if (!type || typeof value.createdAt !== "string" || !isoTime.safeParse(value.createdAt).success) return undefined;
  const out: Plain = { id: senderId(value.id), type, createdAt: new Date(value.createdAt), actor: person(value.actor) };
  if ("targetUser" in value) out.targetUser = nullish(value.targetUser, person);
  if ("project" in value) out.project = nullish(value.project, place);
  if ("tracker" in value) out.tracker = nullish(value.tracker, place);
  if ("artifact" in value) out.artifact = nullish(value.artifact, artifact);
  if ("message" in value) out.message = nullish(value.message, text(MESSAGE_MAX));
  if ("changes" in value) out.changes = nullish(value.changes, (changes) => plainChangeList(changes) ?? INVALID);
  if ("ip" in value) out.ip = nullish(value.ip, (ip) => (ipAddress.safeParse(ip).success ? ip : INVALID));
  if ("userAgent" in value) out.userAgent = nullish(value.userAgent, text(USER_AGENT_MAX));
  if ("details" in value) out.details = nullish(value.details, (details) => (isRecord(details) && isJson(details) ? { ...details } : INVALID));
  if (Object.values(out).includes(INVALID)) return undefined;
  if (Array.isArray(out.changes) && out.changes.length > MAX_CHANGES) return undefined;
  const event = out as unknown as IngestEvent;
  if (eventProblems(event, now).length > 0) return undefined;
  return withArtifactKind(event);
}

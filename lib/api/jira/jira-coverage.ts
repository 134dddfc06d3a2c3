// Jira's coverage (a level per area: off, base, advanced, full) over the console's event type
// switches (lib/audit/config/coverage.ts): each area holds some event types, added level by level.
// PUT switches an area's types on up to the level and off above it; GET reads the highest level
// whose types are all on ("off" when none is on; a partly switched area reads "base"). The
// console's own events are always audited: their area reads "full" and refuses "off". Areas the
// console has no events in read "full" (nothing there goes unrecorded) and take any level. Pure.
import { z } from "zod";
import type { CoverageEntry } from "@/lib/audit/config/coverage";
import type { AuditEventType } from "@/lib/generated/prisma/enums";

export const COVERAGE_LEVELS = ["off", "base", "advanced", "full"] as const;
export type CoverageLevel = (typeof COVERAGE_LEVELS)[number];
type OnLevel = Exclude<CoverageLevel, "off">;
const ON_LEVELS: readonly OnLevel[] = ["base", "advanced", "full"];

export const COVERAGE_AREAS = [
  "global-config-and-administration",
  "user-management",
  "permissions",
  "local-config-and-administration",
  "security",
  "end-user-activity",
  "ecosystem",
] as const;
export type CoverageArea = (typeof COVERAGE_AREAS)[number];

/** The console's own area: its events (Audit Console category) are always audited. */
const ALWAYS_AUDITED: CoverageArea = "global-config-and-administration";

/** The event types each level of an area adds; a level an area does not list adds nothing. */
export const AREA_LEVELS: Record<CoverageArea, Partial<Record<OnLevel, readonly AuditEventType[]>>> = {
  "global-config-and-administration": {},
  // User events come in pairs (User Create + Group Assign): one level, so that no pair is split.
  "user-management": { base: ["USER_CREATE", "USER_DISABLE", "USER_ENABLE", "GROUP_ASSIGN", "GROUP_REMOVE"] },
  permissions: { base: ["ARTIFACT_PERMISSION_CREATE", "ARTIFACT_PERMISSION_DELETE", "ARTIFACT_PERMISSION_UPDATE"] },
  "local-config-and-administration": {},
  security: { base: ["USER_LOGIN", "USER_LOGOUT", "USER_SYSTEM_LOGOUT"] },
  "end-user-activity": {
    base: ["WORK_ITEM_DELETE", "WORK_ITEM_REMOVE", "WORK_ITEM_RESTORE", "ARTIFACT_DELETE", "ARTIFACT_REMOVE", "ARTIFACT_RESTORE"],
    advanced: ["WORK_ITEM_CREATE", "ARTIFACT_CREATE"],
    full: ["WORK_ITEM_UPDATE", "ARTIFACT_UPDATE"],
  },
  ecosystem: {},
};

/** The types an area audits at `level`: its own and those of the levels below it. */
export function typesAtLevel(area: CoverageArea, level: CoverageLevel): AuditEventType[] {
  if (level === "off") return [];
  return ON_LEVELS.slice(0, ON_LEVELS.indexOf(level) + 1).flatMap((each) => AREA_LEVELS[area][each] ?? []);
}

function levelOf(area: CoverageArea, enabled: ReadonlySet<AuditEventType>): CoverageLevel {
  const all = typesAtLevel(area, "full");
  if (all.length > 0 && all.every((type) => !enabled.has(type))) return "off";
  const reached = ON_LEVELS.filter((level) => typesAtLevel(area, level).every((type) => enabled.has(type)));
  return reached.at(-1) ?? "base";
}

const levelSchema = z
  .string({ error: `must be one of ${COVERAGE_LEVELS.join(", ")}` })
  .transform((text) => text.trim().toLowerCase())
  .pipe(z.enum(COVERAGE_LEVELS, { error: `must be one of ${COVERAGE_LEVELS.join(", ")}` }));

export const jiraCoverageSchema = z.object({
  levelByArea: z.object(
    Object.fromEntries(COVERAGE_AREAS.map((area) => [area, z.enum(COVERAGE_LEVELS)])) as Record<CoverageArea, z.ZodEnum<{ [Level in CoverageLevel]: Level }>>,
  ),
});
export type JiraCoverage = z.infer<typeof jiraCoverageSchema>;

/** PUT: the levels to set; areas left out keep theirs. */
export const jiraCoverageRequestSchema = z.object(
  {
    levelByArea: z
      .strictObject(
        Object.fromEntries(COVERAGE_AREAS.map((area) => [area, levelSchema.optional()])) as Record<CoverageArea, z.ZodOptional<typeof levelSchema>>,
        {
          error: (issue) =>
            issue.code === "unrecognized_keys"
              ? `names no such area; use ${COVERAGE_AREAS.join(", ")}`
              : 'must be an object of areas and levels: { "security": "full" }',
        },
      )
      .superRefine((levels, ctx) => {
        if (levels[ALWAYS_AUDITED] === "off") {
          ctx.addIssue({ code: "custom", path: [ALWAYS_AUDITED], message: "the console's own events are always audited and cannot be switched off" });
        }
      }),
  },
  { error: 'must be a JSON object: { "levelByArea": { "security": "full" } }' },
);

/** Each area's level, from the switches. */
export function coverageLevels(entries: readonly CoverageEntry[]): JiraCoverage {
  const enabled = new Set(entries.filter((entry) => entry.enabled).map((entry) => entry.eventType));
  return { levelByArea: Object.fromEntries(COVERAGE_AREAS.map((area) => [area, levelOf(area, enabled)])) as JiraCoverage["levelByArea"] };
}

/** The switches that set the requested levels, as updateCoverage takes them. */
export function coverageSwitches(request: z.output<typeof jiraCoverageRequestSchema>): { eventTypes: Partial<Record<AuditEventType, boolean>> } {
  const eventTypes: Partial<Record<AuditEventType, boolean>> = {};
  for (const area of COVERAGE_AREAS) {
    const level = request.levelByArea[area];
    if (level === undefined) continue;
    const on = new Set(typesAtLevel(area, level));
    for (const type of typesAtLevel(area, "full")) eventTypes[type] = on.has(type);
  }
  return { eventTypes };
}

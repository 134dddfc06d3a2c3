// An entity's timeline (a user, an artifact, a project, a tracker): whose it is, and the condition
// that selects its events. Its filters, paging and sort are a search tab's (timeline-tabs.ts).
import { z } from "zod";
import type { AuditWhere } from "../search/filter-query";
import { MAX_ID } from "../tabs/search-field";

export const TIMELINE_KINDS = ["user", "artifact", "project", "tracker"] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** Whose timeline: the entity's kind and id. */
export interface TimelineSubject {
  kind: TimelineKind;
  id: number;
}

export const timelineSubjectSchema = z.object({ kind: z.enum(TIMELINE_KINDS), id: z.number().int().positive().max(MAX_ID) });

/**
 * The events of a timeline: what a user did or had done to them; every event about an artifact,
 * in a project or in a tracker. Each reads an index that starts with the id.
 */
export function timelineWhere(subject: TimelineSubject): AuditWhere {
  switch (subject.kind) {
    case "user":
      return { OR: [{ actorId: subject.id }, { targetUserId: subject.id }] };
    case "artifact":
      return { artifactId: subject.id };
    case "project":
      return { projectId: subject.id };
    case "tracker":
      return { trackerId: subject.id };
  }
}

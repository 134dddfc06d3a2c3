// What a filter form shows for the choices an URL already holds: the names of the chosen users,
// target users, projects and trackers (ids of deleted ones are left out).
import { projectOptionsByIds, trackerOptionsByIds } from "./search/place-lookup";
import type { ProjectOption, TrackerOption } from "./events/place-options";
import { userOptionsByIds } from "./search/user-lookup";
import type { UserOption } from "./events/user-refs";

export interface SelectedOptions {
  users: UserOption[];
  targetUsers: UserOption[];
  projects: ProjectOption[];
  trackers: TrackerOption[];
}

type Ids = readonly number[];

export async function loadSelectedOptions(search: { users: Ids; targetUsers?: Ids; projects?: Ids; trackers?: Ids }): Promise<SelectedOptions> {
  const [users, targetUsers, projects, trackers] = await Promise.all([
    userOptionsByIds([...search.users]),
    userOptionsByIds([...(search.targetUsers ?? [])]),
    projectOptionsByIds([...(search.projects ?? [])]),
    trackerOptionsByIds([...(search.trackers ?? [])]),
  ]);
  return { users, targetUsers, projects, trackers };
}

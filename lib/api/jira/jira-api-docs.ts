// The Jira audit API's operations for the OpenAPI document, from the schemas the routes validate
// with and answer in. Pure.
import type { ApiOperationDoc } from "@/lib/api/openapi/api-docs";
import { jiraCoverageRequestSchema, jiraCoverageSchema } from "./jira-coverage";
import { jiraEventsPageSchema } from "./jira-entities";
import { jiraErrorSchema } from "./jira-errors";
import { DEFAULT_LIMIT, jiraEventsQuerySchema, MAX_LIMIT } from "./jira-query";
import { jiraRetentionRequestSchema, jiraRetentionSchema } from "./jira-retention";

const TAG = "Jira";
const BAD_REQUEST = { description: "A parameter or field is not valid: Jira's error shape, naming it in errors[].key", schema: jiraErrorSchema };

export const JIRA_API_DOCS: ApiOperationDoc[] = [
  {
    method: "get",
    path: "/rest/auditing/1.0/events",
    summary: "Audit events in Jira's shape, newest first, paged by cursor",
    description:
      `As Jira's GET /rest/auditing/1.0/events. Pages of limit (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT}) events, newest first; ` +
      "follow pagingInfo.nextPageCursor (or nextPageLink) for the next page at the cost of the first. offset serves the first 10,000 records. " +
      "Ids in userIds and affectedObject, and in the answer, are the sending system's own (the token's source). " +
      "afterId=N answers in storage order instead (ids above N, oldest first, every event once even when delivered late); pagingInfo.lastId is the next afterId.",
    tag: TAG,
    access: "reader",
    query: jiraEventsQuerySchema,
    responses: { 200: { description: "One page of events", schema: jiraEventsPageSchema }, 400: BAD_REQUEST },
  },
  {
    method: "get",
    path: "/rest/auditing/1.0/configuration/coverage",
    summary: "Audit coverage: a level per Jira area, from the event type switches",
    tag: TAG,
    access: "reader",
    responses: { 200: { description: "Each area's level", schema: jiraCoverageSchema } },
  },
  {
    method: "put",
    path: "/rest/auditing/1.0/configuration/coverage",
    summary: "Set audit coverage by area; areas left out keep their level",
    description: "Switches the event types of each area on up to the level and off above it, as the Config tab does, and records the change.",
    tag: TAG,
    access: "admin",
    body: { schema: jiraCoverageRequestSchema },
    responses: { 200: { description: "Each area's level after the change", schema: jiraCoverageSchema }, 400: BAD_REQUEST },
  },
  {
    method: "get",
    path: "/rest/auditing/1.0/configuration/retention",
    summary: "How long Login and Work Item / Artifact events are kept, in days",
    tag: TAG,
    access: "reader",
    responses: { 200: { description: "The retention period", schema: jiraRetentionSchema } },
  },
  {
    method: "put",
    path: "/rest/auditing/1.0/configuration/retention",
    summary: "Set the retention period: years, months (30 days) and days totalling 30 to 365 days",
    tag: TAG,
    access: "admin",
    body: { schema: jiraRetentionRequestSchema },
    responses: { 200: { description: "The retention period after the change", schema: jiraRetentionSchema }, 400: BAD_REQUEST },
  },
];

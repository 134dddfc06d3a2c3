// Every operation the console's APIs answer, by family, as the OpenAPI document lists them. A route
// handler under app/api or app/rest that is missing here fails openapi-document.test.ts.
import { CODEBEAMER_API_DOCS } from "@/lib/api/codebeamer/codebeamer-docs";
import { HEALTH_API_DOCS } from "@/lib/api/health/health-api-docs";
import { JIRA_API_DOCS } from "@/lib/api/jira/jira-api-docs";
import { OCTANE_API_DOCS } from "@/lib/api/octane/octane-docs";
import { SONATYPE_API_DOCS } from "@/lib/api/sonatype/sonatype-api-docs";
import { CONFIG_API_DOCS } from "@/lib/audit/config/config-api-docs";
import { LOG_API_DOCS } from "@/lib/audit/integrity/log-api-docs";
import { EXPORT_API_DOCS } from "@/lib/export/export-api-docs";
import { INGEST_API_DOCS } from "@/lib/ingest/ingest-api-docs";
import type { ApiOperationDoc } from "./api-docs";
import { OPENAPI_API_DOCS } from "./openapi-api-docs";

export const API_TAGS = [
  { name: "Ingestion", description: "Events in: a sending system's batches, with an API token of the ingest scope." },
  {
    name: "Codebeamer",
    description:
      "Codebeamer's Swagger v3 audit API (its Audit page's lists): POST /api/v3/sysadmin/audit/{permissions,logins,artifacts}, paged by page and pageSize, bound by the one-year rule.",
  },
  {
    name: "Jira",
    description:
      "Jira's audit log REST API: events by cursor (newest first) or in storage order (afterId), and the coverage and retention settings in Jira's terms. 400s in Jira's own shape.",
  },
  {
    name: "ALM Octane",
    description: "Audit records in ALM Octane's query language and collection shape, at Octane's own path and at GET /api/audit/events.",
  },
  { name: "Sonatype", description: "Sonatype Lifecycle's audit log: GET /api/v2/auditLogs, whole UTC days as JSON lines, oldest first, streamed." },
  { name: "Exports", description: "A tab's filtered result as PDF, Excel, CSV or JSON lines." },
  { name: "Configuration", description: "Which event types are audited and how long events are kept: the Config tab's settings." },
  {
    name: "Tamper evidence",
    description:
      "The Merkle log over every stored event (RFC 9162 hashing): signed C2SP checkpoints, the public key that checks them, and inclusion and consistency proofs.",
  },
  { name: "Reference", description: "This document." },
  { name: "Health", description: "For load balancers: liveness and readiness, public and cheap." },
];

export const API_CATALOG: readonly ApiOperationDoc[] = [
  ...INGEST_API_DOCS,
  ...CODEBEAMER_API_DOCS,
  ...JIRA_API_DOCS,
  ...OCTANE_API_DOCS,
  ...SONATYPE_API_DOCS,
  ...EXPORT_API_DOCS,
  ...CONFIG_API_DOCS,
  ...LOG_API_DOCS,
  ...OPENAPI_API_DOCS,
  ...HEALTH_API_DOCS,
];

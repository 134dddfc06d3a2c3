// The OpenAPI 3.1 document of every API the console answers, built from the operations' docs
// (api-catalog.ts), whose schemas are the zod schemas the routes validate with and answer in. zod 4
// writes JSON Schema 2020-12, the dialect OpenAPI 3.1 uses. Pure.
import { z } from "zod";
import type { ApiAccess, ApiOperationDoc } from "./api-docs";

type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers?: { url: string }[];
  tags: { name: string; description?: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, JsonSchema> };
}

/** The console's one error shape (lib/api/api-error.ts). */
export const apiErrorBodySchema = z.object({
  error: z.object({
    code: z.string().describe('what went wrong, for programs: "invalid_filter", "unauthenticated", "too_many_exports"'),
    message: z.string().describe("what went wrong and what to do, for people; names the field"),
    field: z.string().optional().describe('the request field at fault: "pageSize", "period.days", "query"'),
  }),
});

const ERROR_REF = { $ref: "#/components/schemas/Error" };

const SECURITY_SCHEMES = {
  apiToken: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "acon_…",
    description: "An API token from Settings, API tokens (or npm run create-token), as `Authorization: Bearer <token>`.",
  },
  apiTokenBasic: {
    type: "http",
    scheme: "basic",
    description: "The same API token as the password of HTTP Basic, with any username (`curl -u anyname:<token>`), as Sonatype's clients send it.",
  },
  consoleSession: {
    type: "apiKey",
    in: "cookie",
    name: "next-auth.session-token",
    description: "A signed-in console session (the browser's cookie; __Secure-next-auth.session-token over HTTPS).",
  },
} as const;

const SECURITY: Record<ApiAccess, Record<string, string[]>[]> = {
  reader: [{ apiToken: [] }, { apiTokenBasic: [] }, { consoleSession: [] }],
  admin: [{ consoleSession: [] }],
  ingest: [{ apiToken: [] }, { apiTokenBasic: [] }],
  public: [],
};

const ACCESS_TEXT: Record<ApiAccess, string> = {
  reader: "Administrators and auditors signed in, or an API token with the read scope.",
  admin: "Administrators signed in to the console; API tokens are refused.",
  ingest: "An API token with the ingest scope; the events are stored under the token's source.",
  public: "No credentials needed.",
};

/** The refusals every operation of an access may answer, beside those it documents. */
function refusals(access: ApiAccess): Record<number, string> {
  const busy = {
    503: "The database is busy, took too long (the query was cancelled) or is not answering (restarting): nothing was done; see Retry-After.",
  };
  if (access === "public") return busy;
  return {
    401: "No credentials, or an API token that is unknown, revoked or expired (the message says which).",
    403: "Signed in or authenticated, but not allowed: the role or the token's scope does not cover this call.",
    429: "Too many requests from this token or user (API_RATE_LIMIT a minute; batches: INGEST_RATE_LIMIT): see Retry-After.",
    ...busy,
  };
}

/**
 * Where the document keeps the definitions zod puts under `$defs` (a recursive schema such as a
 * JSON value): in components.schemas, one entry per distinct definition.
 */
class SharedSchemas {
  readonly schemas: Record<string, JsonSchema> = {};
  private readonly names = new Map<string, string>();

  /** The JSON Schema of `schema` as a request reads it (input) or an answer is written (output), its $defs moved here. */
  of(schema: z.ZodType, io: "input" | "output"): JsonSchema {
    const { $schema: _dialect, $defs, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
    if (!$defs) return rest;
    const renamed = new Map<string, string>();
    for (const [key, definition] of Object.entries($defs as Record<string, JsonSchema>)) {
      const text = JSON.stringify(definition);
      let name = this.names.get(text);
      if (!name) {
        name = `Shared${this.names.size + 1}`;
        this.names.set(text, name);
      }
      renamed.set(`#/$defs/${key}`, `#/components/schemas/${name}`);
    }
    const relink = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(relink);
      if (value === null || typeof value !== "object") return value;
      return Object.fromEntries(
        Object.entries(value).map(([key, inner]) => [key, key === "$ref" && typeof inner === "string" ? (renamed.get(inner) ?? inner) : relink(inner)]),
      );
    };
    for (const [key, definition] of Object.entries($defs as Record<string, JsonSchema>)) {
      const name = (renamed.get(`#/$defs/${key}`) as string).split("/").at(-1) as string;
      this.schemas[name] ??= relink(definition) as JsonSchema;
    }
    return relink(rest) as JsonSchema;
  }
}

function parametersOf(shared: SharedSchemas, shape: z.ZodObject | undefined, where: "query" | "path"): unknown[] {
  if (!shape) return [];
  return Object.entries(shape.shape as Record<string, z.ZodType>).map(([name, schema]) => {
    const json = shared.of(schema, "input");
    const { description, ...rest } = json;
    return {
      name,
      in: where,
      required: where === "path" || !schema.safeParse(undefined).success,
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

function responsesOf(shared: SharedSchemas, doc: ApiOperationDoc): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(doc.responses)) {
    answers[status] = {
      description: response.description,
      ...(response.schema ? { content: { [response.contentType ?? "application/json"]: { schema: shared.of(response.schema, "output") } } } : {}),
    };
  }
  for (const [status, description] of Object.entries(refusals(doc.access))) {
    answers[status] ??= { description, content: { "application/json": { schema: ERROR_REF } } };
  }
  return answers;
}

function operationOf(shared: SharedSchemas, doc: ApiOperationDoc): Record<string, unknown> {
  return {
    tags: [doc.tag],
    summary: doc.summary,
    description: [doc.description, `Who may call: ${ACCESS_TEXT[doc.access]}`].filter(Boolean).join("\n\n"),
    operationId: `${doc.method}${doc.path.replace(/\{([^}]+)\}/g, "By_$1").replace(/[^A-Za-z0-9]+(.)?/g, (_match, next: string | undefined) => (next ?? "").toUpperCase())}`,
    security: SECURITY[doc.access],
    parameters: [...parametersOf(shared, doc.pathParams, "path"), ...parametersOf(shared, doc.query, "query")],
    ...(doc.body
      ? {
          requestBody: {
            required: true,
            ...(doc.body.description ? { description: doc.body.description } : {}),
            content: { [doc.body.contentType ?? "application/json"]: { schema: shared.of(doc.body.schema, "input") } },
          },
        }
      : {}),
    responses: responsesOf(shared, doc),
  };
}

export interface DocumentOptions {
  /** the server's public URL, when known */
  serverUrl?: string | null;
  version: string;
  tags: { name: string; description?: string }[];
}

/** The OpenAPI 3.1 document of `docs`; two operations on one path and method are a mistake, thrown. */
export function openApiDocument(docs: readonly ApiOperationDoc[], options: DocumentOptions): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  const shared = new SharedSchemas();
  for (const doc of docs) {
    paths[doc.path] ??= {};
    const item = paths[doc.path];
    if (item[doc.method]) throw new Error(`Two operations document ${doc.method.toUpperCase()} ${doc.path}`);
    item[doc.method] = operationOf(shared, doc);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Audit Console API",
      version: options.version,
      description:
        "The audit trail's APIs: events in (ingestion), events out in the shapes Codebeamer's, Jira's, ALM Octane's and Sonatype's clients already read, and the audit configuration. Errors share one shape (`Error`), except the Jira-compatible endpoints, which answer 400 in Jira's own.",
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    tags: options.tags,
    paths,
    components: { securitySchemes: SECURITY_SCHEMES, schemas: { Error: shared.of(apiErrorBodySchema, "output"), ...shared.schemas } },
  };
}

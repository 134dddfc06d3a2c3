// The first call to try with a new token, as a curl command with the secret in it: a batch of one
// event for an ingest token, a read of the retention for a read token. Pure.
import type { ApiScopeName } from "@/lib/auth/api-tokens/api-token-schema";

export interface TokenExample {
  scope: ApiScopeName;
  title: string;
  command: string;
}

/** One User Login, as a sending system writes it (lib/ingest/ingest-schema.ts). */
export function exampleBatch(at: Date) {
  return {
    events: [
      {
        id: "example-1",
        type: "User Login",
        createdAt: at.toISOString(),
        actor: { id: "u-1", username: "jdoe", displayName: "Jane Doe" },
        ip: "192.0.2.10",
      },
    ],
  };
}

/** The examples for a token with `scopes`, against the console at `origin` ("https://audit.example.com"). */
export function tokenExamples(origin: string, secret: string, scopes: readonly ApiScopeName[], at: Date): TokenExample[] {
  const examples: TokenExample[] = [];
  if (scopes.includes("ingest")) {
    examples.push({
      scope: "ingest",
      title: "Send a batch of events",
      command: [
        `curl -X POST '${origin}/api/audit/events' \\`,
        `  -H 'Authorization: Bearer ${secret}' \\`,
        `  -H 'Content-Type: application/json' \\`,
        `  -d '${JSON.stringify(exampleBatch(at), null, 2).replaceAll("\n", "\n  ")}'`,
      ].join("\n"),
    });
  }
  if (scopes.includes("read")) {
    examples.push({
      scope: "read",
      title: "Read the retention setting",
      command: [`curl '${origin}/api/audit/config/retention' \\`, `  -H 'Authorization: Bearer ${secret}'`].join("\n"),
    });
  }
  return examples;
}

// A client of POST /api/audit/events, for the console's own scripts (simulate, import, bench): one
// batch per request, a 429 or 503 waited out as its Retry-After says, any other refusal thrown with
// the server's message. Node's http module on a keep-alive agent: fetch's overhead was the client's
// limit at a few thousand requests a second.
import { Agent, request as httpRequest } from "node:http";
import { request as httpsRequest, Agent as HttpsAgent } from "node:https";
import type { IngestResult } from "./ingest-events";

export interface IngestAnswer extends IngestResult {
  source: string;
  received: number;
}

export class IngestRefusedError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "IngestRefusedError";
  }
}

const agents = { http: new Agent({ keepAlive: true, maxSockets: 64 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 64 }) };

function send(url: URL, token: string, body: string): Promise<{ status: number; retryAfter: number | null; text: string }> {
  const secure = url.protocol === "https:";
  return new Promise((resolve, reject) => {
    const request = (secure ? httpsRequest : httpRequest)(
      url,
      {
        method: "POST",
        agent: secure ? agents.https : agents.http,
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const retry = Number(response.headers["retry-after"]);
          resolve({ status: response.statusCode ?? 0, retryAfter: Number.isFinite(retry) ? retry : null, text: Buffer.concat(chunks).toString("utf8") });
        });
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** Posts `events` to the console at `baseUrl` with `token`; waits out 429/503 up to `maxWaits` times. */
export async function postEvents(baseUrl: string, token: string, events: readonly unknown[], maxWaits = 20): Promise<IngestAnswer> {
  const url = new URL("/api/audit/events", baseUrl);
  const body = JSON.stringify({ events });
  for (let waits = 0; ; waits++) {
    const answer = await send(url, token, body);
    if (answer.status === 200) return JSON.parse(answer.text) as IngestAnswer;
    let message = answer.text;
    try {
      message = (JSON.parse(answer.text) as { error?: { message?: string } }).error?.message ?? answer.text;
    } catch {
      // not the console's error shape: keep the text
    }
    if ((answer.status === 429 || answer.status === 503) && waits < maxWaits) {
      await new Promise((resolve) => setTimeout(resolve, (answer.retryAfter ?? 1) * 1000));
      continue;
    }
    throw new IngestRefusedError(answer.status, `${answer.status}: ${message}`);
  }
}

// One hostile request per sample: a target (hostile-targets.ts) given hostile path segments, query and
// body (hostile-inputs.ts), as one of the callers. Pure: no request is sent here.
import fc from "fast-check";
import { type HostileBody, hostileBody, hostileQuery, hostileSegment, hostileString, TEN_MB_BODIES } from "./hostile-inputs";
import type { Target } from "./hostile-targets";

export const CALLERS = ["admin session", "read token", "ingest token", "anonymous"] as const;
export type Caller = (typeof CALLERS)[number];

export interface HostileRequest {
  target: string;
  caller: Caller;
  method: string;
  /** path and query */
  path: string;
  body?: HostileBody;
  headers: Record<string, string>;
}

/** The path with each [segment], [...segment] and {segment} replaced. */
function pathArbitrary(template: string): fc.Arbitrary<string> {
  const parts = template.split(/(\[\.\.\.\w+\]|\[\w+\]|\{\w+\})/);
  return fc.tuple(...parts.map((part) => (/^[[{]/.test(part) ? hostileSegment : fc.constant(part)))).map((filled) => filled.join(""));
}

/** A server action's body: encodeReply's shape with hostile arguments, or anything else, as text or as form data. */
const actionBody: fc.Arbitrary<HostileBody> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc
      .array(hostileString, { maxLength: 3 })
      .map((args) => ({ body: JSON.stringify(args), contentType: "text/plain;charset=UTF-8", kind: "arguments" })),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom("", "not json", "[", "null", "{}", '["$K1"]', '["$@1"]', '["$Q0"]', '["$h"]', "[{}]")
      .map((body) => ({ body, contentType: "text/plain;charset=UTF-8", kind: "bad json" })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(hostileString, hostileString).map(([root, other]) => ({
      body: `--b\r\nContent-Disposition: form-data; name="0"\r\n\r\n${root}\r\n--b\r\nContent-Disposition: form-data; name="1_x"\r\n\r\n${other}\r\n--b--\r\n`,
      contentType: "multipart/form-data; boundary=b",
      kind: "form data",
    })),
  },
  { weight: 1, arbitrary: hostileBody([]) },
);

/** Where a server action claims to come from: its own page mostly, else another site or no URL. */
const actionOrigin = (url: string) => fc.constantFrom(url, url, url, "http://evil.example", "http://localhost:3800.evil.example", "null", "not a url");

export function requestArbitrary(target: Target, url: string): fc.Arbitrary<HostileRequest> {
  const body = target.actionId ? actionBody : target.bodyKeys ? hostileBody(target.bodyKeys) : fc.constant(undefined);
  return fc
    .record({ path: pathArbitrary(target.path), query: hostileQuery(target.queryKeys), caller: fc.constantFrom(...CALLERS), body, origin: actionOrigin(url) })
    .map(
      ({ path, query, caller, body, origin }): HostileRequest => ({
        target: target.name,
        caller: target.actionId && caller !== "anonymous" ? "admin session" : caller,
        method: target.method,
        path: query ? `${path}?${query}` : path,
        body,
        headers: target.actionId ? { "Next-Action": target.actionId, Origin: origin } : ({} as Record<string, string>),
      }),
    );
}

/** `count` requests spread evenly over the targets, the same for the same seed. */
export function hostileRequests(targets: readonly Target[], url: string, count: number, seed: number): HostileRequest[] {
  const perTarget = Math.ceil(count / targets.length);
  const byTarget = targets.map((target, index) => fc.sample(requestArbitrary(target, url), { seed: seed + index, numRuns: perTarget }));
  // Interleaved, so that a run cut short by its time limit has still tried every target.
  const requests: HostileRequest[] = [];
  for (let round = 0; round < perTarget; round++) for (const samples of byTarget) requests.push(samples[round]);
  return requests.slice(0, count);
}

/** A 10 MB body for each operation that takes one (once per page for server actions): few, each is 10 MB. */
export function tenMegabyteRequests(targets: readonly Target[]): HostileRequest[] {
  const seenPages = new Set<string>();
  return targets.flatMap((target, index): HostileRequest[] => {
    if (!target.bodyKeys || target.path.includes("[") || target.path.includes("{")) return [];
    if (target.actionId ? seenPages.has(target.path) : target.path.startsWith("/api/auth/") && target.path !== "/api/auth/callback/credentials") return [];
    seenPages.add(target.path);
    return [
      {
        target: target.name,
        caller: "admin session" as const,
        method: target.method,
        path: target.path,
        body: TEN_MB_BODIES[index % TEN_MB_BODIES.length],
        headers: target.actionId ? { "Next-Action": target.actionId } : ({} as Record<string, string>),
      },
    ];
  });
}

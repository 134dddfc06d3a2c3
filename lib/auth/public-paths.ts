// The pages and route handlers anyone may request without signing in. Everything else the build
// serves must send a visitor who is not signed in to the sign-in page (pages) or answer 401 JSON
// (route handlers), and refuse a user without a console role: the access spec
// (e2e/access/unauthorized.spec.ts) walks every route of the build and holds each to this list.

/** A route that answers visitors who are not signed in, and what it answers them. */
export interface PublicPath {
  /** the route as the build names its URL: route groups left out, dynamic segments in brackets */
  route: string;
  /** the status a GET by a visitor who is not signed in gets, without a redirect */
  anonymousStatus: number;
  /** what that visitor gets, and why it needs no sign-in */
  reason: string;
}

export const PUBLIC_PATHS: readonly PublicPath[] = [
  { route: "/login", anonymousStatus: 200, reason: "the sign-in form: the one way in" },
  { route: "/api/auth/[...nextauth]", anonymousStatus: 200, reason: "next-auth's CSRF token, session and sign-in endpoints, which signing in needs" },
  { route: "/api/[...missing]", anonymousStatus: 404, reason: "the JSON 404 of an API path nothing answers: it names only the path asked for" },
  { route: "/api", anonymousStatus: 404, reason: "the same JSON 404 at the bare prefix" },
  { route: "/rest/[...missing]", anonymousStatus: 404, reason: "the JSON 404 of a Jira-style API path nothing answers: it names only the path asked for" },
  { route: "/rest", anonymousStatus: 404, reason: "the same JSON 404 at the bare prefix" },
  { route: "/api/health", anonymousStatus: 200, reason: "liveness for load balancers: { status: ok }, nothing read" },
  {
    route: "/api/health/ready",
    anonymousStatus: 200,
    reason: "readiness for load balancers: whether the database answers and how many migrations are applied, nothing else",
  },
  {
    route: "/api/audit/checkpoints/public-key",
    anonymousStatus: 200,
    reason: "the public key that checks the log's signed checkpoints: a verifier needs it from outside, and it is no secret",
  },
  { route: "/favicon.ico", anonymousStatus: 200, reason: "the browser tab's icon, which the sign-in page shows too" },
  { route: "/icon.svg", anonymousStatus: 200, reason: "the console's icon, linked from every page's head, the sign-in page's too" },
];

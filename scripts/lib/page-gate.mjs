// Admission for page renders (scripts/server.mjs): at most PAGE_CONCURRENCY pages render at once, at
// most PAGE_QUEUE more wait for a turn, each for at most PAGE_WAIT_MS; past that the browser gets a
// 503 page with Retry-After that reloads itself. Pages share one event loop and the database with
// ingestion and the APIs: fifty admins paging at once queued so much rendering that ingestion's
// batches waited past their own limit (npm run test:load). The APIs are not gated here: each has a
// limit of its own (rate limits, export slots, ingestion slots) that answers in its own shape.
import { NOTICE_PAGE_POLICY, noticePage } from "../../lib/http/notice-page.mjs";
import { SECURITY_HEADERS } from "../../lib/http/security-headers.mjs";

export const PAGE_RETRY_AFTER_SECONDS = 5;

/** The paths proxy.ts's matcher sends through the proxy: pages and server actions, not APIs or files. */
const NOT_A_PAGE = /^\/(?:api(?:\/|$)|rest(?:\/|$)|_next\/|avatars\/|favicon\.ico$|robots\.txt$)|\.[A-Za-z0-9]+$/;

export function isPageRequest(url) {
  const path = (url ?? "/").split("?")[0];
  return !NOT_A_PAGE.test(path);
}

function setting(name, fallback) {
  const text = process.env[name];
  const value = text ? Number(text) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, not "${text}"`);
  return value;
}

const BUSY_PAGE = noticePage({
  title: "The console is busy",
  text: `Every page slot is taken by other requests. This page reloads itself in ${PAGE_RETRY_AFTER_SECONDS} seconds; nothing you entered is lost.`,
  retryAfterSeconds: PAGE_RETRY_AFTER_SECONDS,
});

function answerBusy(response) {
  response.statusCode = 503;
  for (const { key, value } of SECURITY_HEADERS) response.setHeader(key, value);
  response.setHeader("Content-Security-Policy", NOTICE_PAGE_POLICY);
  response.setHeader("Retry-After", String(PAGE_RETRY_AFTER_SECONDS));
  response.setHeader("Cache-Control", "no-store");
  response.setHeader("Content-Type", "text/html; charset=utf-8");
  // A busy server sheds the connection too: the browser comes back on a new one after Retry-After,
  // where a kept one would race the server's keep-alive timeout (5 s) and end in a reset.
  response.shouldKeepAlive = false;
  response.end(BUSY_PAGE);
}

/**
 * A gate in front of `handle`: page requests wait for one of `limit` turns (the turn ends when the
 * answer has been sent or the client went away), other requests pass straight through.
 */
export function createPageGate(handle, options = {}) {
  const limit = options.limit ?? setting("PAGE_CONCURRENCY", 6);
  const queue = options.queue ?? setting("PAGE_QUEUE", 100);
  const waitMs = options.waitMs ?? setting("PAGE_WAIT_MS", 10_000);
  let running = 0;
  const waiting = [];

  const release = () => {
    const next = waiting.shift();
    // the turn passes straight to the next in line, or is freed
    if (next) next.start();
    else running -= 1;
  };

  const render = (request, response) => {
    let released = false;
    const done = () => {
      if (released) return;
      released = true;
      release();
    };
    response.once("close", done);
    response.once("finish", done);
    return handle(request, response);
  };

  function gate(request, response) {
    if (!isPageRequest(request.url)) return handle(request, response);
    if (running < limit) {
      running += 1;
      return render(request, response);
    }
    if (waiting.length >= queue) return answerBusy(response);
    const waiter = {
      start() {
        clearTimeout(timer);
        response.off("close", gaveUp);
        render(request, response);
      },
    };
    const leave = () => waiting.splice(waiting.indexOf(waiter), 1);
    const timer = setTimeout(() => {
      response.off("close", gaveUp);
      leave();
      answerBusy(response);
    }, waitMs);
    // a browser that stopped waiting (navigated away, closed the connection) gives up its place in the line
    const gaveUp = () => {
      clearTimeout(timer);
      leave();
    };
    response.once("close", gaveUp);
    waiting.push(waiter);
  }
  gate.state = () => ({ running, waiting: waiting.length, limit, queue });
  return gate;
}

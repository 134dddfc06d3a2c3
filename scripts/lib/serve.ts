// Starts the console's server (scripts/server.mjs: Next.js, production or dev) on a port with the console's environment and waits until it
// answers. Used by the demo command and by the end-to-end test server.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";

/**
 * Node's flags for the console's server, here and in package.json's "start" (a test holds the two
 * together). A heap cap under 2 GB also makes V8 collect sooner: with none (4 GB on this machine)
 * V8 lets its heap grow to four times what is live between full collections, which put a 1M-row
 * Excel export at 274-343 MB; under 1.5 GB it grows to about 1.8 times, 210-249 MB. Left 1.5 GB
 * to spend: a PDF at its row limit takes about 250 MB of it. A young generation of 8 MB semi-spaces
 * (16 by default) kept a 1.01M-row Excel download at 257-300 MB peak RSS in five runs, against
 * 303-308 MB (npm run bench:export:http); CSV kept its speed (167-175k events/s).
 */
export const SERVER_NODE_FLAGS = ["--max-old-space-size=1536", "--max-semi-space-size=8"];

/** The console's server: Next.js's request handler, told each request's socket address. */
export const SERVER_SCRIPT = "scripts/server.mjs";

export async function isPortFree(port: number, host = "0.0.0.0"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** A port nothing listens on now, chosen by the system. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before it answered`);
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`the server did not answer at ${url} within ${timeoutMs / 1000} s`);
}

/**
 * Starts the server with the console's environment. By default it lives and dies with this process
 * (Ctrl+C stops both; its exit ends this one); `ownLifetime` leaves both alone (a test that starts
 * and stops a second server).
 */
export function startNext(options: { port: number; dev?: boolean; env: NodeJS.ProcessEnv; ownLifetime?: boolean }): ChildProcess {
  const args = [...SERVER_NODE_FLAGS, SERVER_SCRIPT, "--port", String(options.port), ...(options.dev ? ["--dev"] : [])];
  const child = spawn(process.execPath, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...options.env } });
  if (options.ownLifetime) return child;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      child.kill(signal);
    });
  }
  child.on("exit", (code) => process.exit(code ?? 0));
  return child;
}

/** A process's resident memory now and its high-water mark, in MB, from /proc (the benches' server figures). */
/** CPU time a process (all its threads) or a thread (/proc/PID/task/TID) has used, in ms: Linux's utime + stime at 100 ticks a second. */
export function cpuMsOf(pid: number | string): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

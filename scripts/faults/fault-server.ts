// The production server for the fault tests, like startTestServer but with its output kept: the
// checks read it (an uncaught exception, the folder lock's takeover), and it goes to a log file
// rather than between the measurements.
import { type ChildProcess, spawn } from "node:child_process";
import { appendFileSync } from "node:fs";
import { freePort, SERVER_NODE_FLAGS, SERVER_SCRIPT, waitForHttp } from "../lib/serve";

export interface FaultServer {
  child: ChildProcess;
  url: string;
  /** everything it printed so far */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Serves the build of this tree on a free port over `database` (DATABASE_URL, or PGLITE_DATA_DIR), logging to `logFile`. */
export async function startFaultServer(database: { DATABASE_URL: string } | { PGLITE_DATA_DIR: string }, logFile: string): Promise<FaultServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER_SCRIPT, "--port", String(port)], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: "",
      ...database,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: "faults-secret-not-for-production",
    },
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk;
    appendFileSync(logFile, chunk);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  await waitForHttp(`${url}/login`, child);
  return {
    child,
    url,
    output: () => output,
    stop: (signal = "SIGTERM") =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill(signal);
      }),
  };
}

// npm run create-admin -- --username NAME [--display-name "..."] [--email ...] [--role ADMIN|AUDITOR]
// Creates a console account, or resets an existing one: new password, enabled, role set, and every
// open session ended. The password comes from ADMIN_PASSWORD or a hidden prompt.
import { userInfo } from "node:os";
import { recordEvent, type NewFieldChange } from "../lib/audit/events/record-event";
import { normalizeUsername } from "../lib/auth/authorize";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, newPasswordSchema, USERNAME_PATTERN } from "../lib/auth/console-users/console-user-schema";
import { hashPassword } from "../lib/auth/password";
import { ROLE_LABELS, isConsoleAccessRole, type ConsoleAccessRole } from "../lib/auth/principal";
import { revokeUserSessions } from "../lib/auth/sessions";
import type { Database } from "../lib/db/database";
import { parseFlags, runScript, UsageError, withScriptDatabase } from "./lib/cli";

const USAGE = `Usage: npm run create-admin -- --username NAME [--display-name "Full Name"] [--email ADDRESS] [--role ADMIN|AUDITOR]

Creates a console account, or resets an existing one (new password, enabled, role set, open sessions ended).
The password is read from ADMIN_PASSWORD, or asked for twice at a hidden prompt.
Works on the embedded database (.data/pglite, or PGLITE_DATA_DIR) or on DATABASE_URL.`;

interface Options {
  username: string;
  displayName?: string;
  email?: string;
  role: ConsoleAccessRole;
}

const OPTIONS = {
  username: { type: "string" },
  "display-name": { type: "string" },
  email: { type: "string" },
  role: { type: "string", default: "ADMIN" },
  help: { type: "boolean", short: "h" },
} as const;

function readOptions(): Options {
  const values = parseFlags(OPTIONS);
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const username = normalizeUsername(values.username);
  if (!username) throw new UsageError("--username is required.", true);
  if (!USERNAME_PATTERN.test(username)) {
    throw new UsageError(`--username "${values.username}" may contain only letters, digits, ".", "_", "@" and "-".`);
  }
  const role = (values.role ?? "ADMIN").toUpperCase();
  if (!isConsoleAccessRole(role)) throw new UsageError(`--role must be ADMIN or AUDITOR, not "${values.role}".`);
  const email = values.email?.trim();
  if (email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(email)) throw new UsageError(`--email "${email}" is not an e-mail address.`);
  const displayName = values["display-name"]?.trim();
  if (displayName === "") throw new UsageError("--display-name may not be empty.");
  return { username, displayName, email, role };
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const { stdin, stdout } = process;
  return new Promise((resolve, reject) => {
    let value = "";
    stdout.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener("data", onData);
      stdout.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n" || char === "\u0004") return finish();
        if (char === "\u0003") return finish(new UsageError("Cancelled."));
        if (char === "\u007f" || char === "\b") value = Array.from(value).slice(0, -1).join("");
        else if (char >= " ") value += char;
      }
    };
    stdin.on("data", onData);
  });
}

// The Console users page's rules (console-user-schema.ts), said as this script has always said them.
function checkPassword(password: string): void {
  if (newPasswordSchema.safeParse(password).success) return;
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new UsageError(`The password must be at least ${MIN_PASSWORD_LENGTH} characters long (it has ${password.length}).`);
  }
  throw new UsageError(`The password may be at most ${MAX_PASSWORD_LENGTH} characters long.`);
}

async function readPassword(username: string): Promise<string> {
  const fromEnv = process.env.ADMIN_PASSWORD;
  if (fromEnv !== undefined) {
    checkPassword(fromEnv);
    return fromEnv;
  }
  if (!process.stdin.isTTY) {
    throw new UsageError("No password: set ADMIN_PASSWORD, or run this in a terminal to be asked for one.");
  }
  const password = await promptHidden(`Password for ${username} (at least ${MIN_PASSWORD_LENGTH} characters): `);
  checkPassword(password);
  const again = await promptHidden("Repeat the password: ");
  if (again !== password) throw new UsageError("The two passwords differ. Nothing was changed.");
  return password;
}

async function saveAccount(database: Database, options: Options, passwordHash: string): Promise<string> {
  const { prisma } = database;
  const existing = await prisma.user.findFirst({ where: { username: options.username, source: null } });
  const actor = { id: null, name: `create-admin (${userInfo().username})` };
  const roleLabel = ROLE_LABELS[options.role];
  if (!existing) {
    const user = await prisma.user.create({
      data: {
        username: options.username,
        displayName: options.displayName ?? options.username,
        email: options.email ?? null,
        consoleRole: options.role,
        passwordHash,
      },
    });
    await recordEvent({
      eventType: "AUDIT_CONFIG_CHANGE",
      actor,
      targetUser: { id: user.id, name: user.username },
      message: `Console account ${user.username} created with the ${roleLabel} role`,
      details: { tool: "create-admin", action: "create", role: options.role },
    });
    return `Created the console account "${user.username}" (${roleLabel}).`;
  }
  const user = await prisma.user.update({
    where: { id: existing.id },
    data: {
      passwordHash,
      // the operator chose this password: no forced change, and a lockout in force ends
      mustChangePassword: false,
      lockoutClearedAt: new Date(),
      enabled: true,
      consoleRole: options.role,
      tokenVersion: { increment: 1 },
      ...(options.displayName ? { displayName: options.displayName } : {}),
      ...(options.email ? { email: options.email } : {}),
    },
  });
  const ended = await revokeUserSessions(user.id);
  const allChanges: NewFieldChange[] = [
    { field: "Enabled", kind: "boolean", old: existing.enabled, new: true },
    { field: "Console role", kind: "enum", old: existing.consoleRole, new: options.role },
  ];
  const roleAndStateChanges = allChanges.filter((change) => change.old !== change.new);
  const changes = [
    "new password",
    existing.enabled ? null : "enabled again",
    existing.consoleRole === options.role ? null : `role ${existing.consoleRole} -> ${options.role}`,
  ].filter(Boolean);
  await recordEvent({
    eventType: "AUDIT_CONFIG_CHANGE",
    actor,
    targetUser: { id: user.id, name: user.username },
    message: `Console account ${user.username} reset: ${changes.join(", ")}`,
    changes: roleAndStateChanges,
    details: { tool: "create-admin", action: "reset", role: options.role, sessionsEnded: ended },
  });
  return `Reset the console account "${user.username}" (${roleLabel}): ${changes.join(", ")}; ${ended} open session(s) ended.`;
}

async function main(): Promise<void> {
  const options = readOptions();
  const password = await readPassword(options.username);
  const passwordHash = await hashPassword(password);
  await withScriptDatabase(async (database) => {
    console.log(`${await saveAccount(database, options, passwordHash)} Database: ${database.location}`);
  });
}

runScript("create-admin", USAGE, main);

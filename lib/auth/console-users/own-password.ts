// A console account changes its own password: forced after signing in with a one-time password
// (the guard lets such a session do nothing else), or by choice. The current password is asked
// again, so that an unattended browser cannot take the account over. The other sessions of the
// account end; the one that made the change goes on.
import "server-only";
import { InputError } from "@/lib/api/input-error";
import { recordEvent } from "@/lib/audit/events/record-event";
import { getDb } from "@/lib/db";
import { requireOwnAccount } from "../guard";
import { hashPassword, verifyPassword } from "../password";
import type { RequestInfo } from "../request-info";
import { revokeUserSessions } from "../sessions";

export interface OwnPasswordChange {
  currentPassword: string;
  newPassword: string;
}

/** Sets the signed-in account's password; `forced` says whether it replaced a one-time password. */
export async function changeOwnPassword(
  input: OwnPasswordChange,
  request: RequestInfo = { ip: null, userAgent: null },
  now = new Date(),
): Promise<{ forced: boolean; sessionsEnded: number }> {
  const self = await requireOwnAccount("Changing your password");
  const { prisma } = getDb();
  const account = await prisma.user.findUniqueOrThrow({ where: { id: self.userId }, select: { passwordHash: true, mustChangePassword: true } });
  if (!account.passwordHash || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
    throw new InputError("currentPassword", "Current password: this is not the password you signed in with.");
  }
  const passwordHash = await hashPassword(input.newPassword);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: self.userId }, data: { passwordHash, mustChangePassword: false } });
    await recordEvent(
      {
        eventType: "CONSOLE_USER_PASSWORD_CHANGE",
        actor: { id: self.userId, name: self.username },
        targetUser: { id: self.userId, name: self.username },
        message: account.mustChangePassword
          ? `Console account ${self.username} replaced its one-time password with a password of its own`
          : `Console account ${self.username} changed its password`,
        details: { userId: self.userId, forced: account.mustChangePassword },
        ...request,
        createdAt: now,
      },
      { client: tx },
    );
  });
  const sessionsEnded = await revokeUserSessions(self.userId, now, { cause: `password changed in another session`, except: self.sessionId });
  return { forced: account.mustChangePassword, sessionsEnded };
}

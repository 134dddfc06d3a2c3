-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AuditEventType" ADD VALUE 'CONSOLE_USER_CREATE';
ALTER TYPE "AuditEventType" ADD VALUE 'CONSOLE_USER_ROLE_CHANGE';
ALTER TYPE "AuditEventType" ADD VALUE 'CONSOLE_USER_DISABLE';
ALTER TYPE "AuditEventType" ADD VALUE 'CONSOLE_USER_ENABLE';
ALTER TYPE "AuditEventType" ADD VALUE 'CONSOLE_USER_UNLOCK';
ALTER TYPE "AuditEventType" ADD VALUE 'CONSOLE_USER_PASSWORD_RESET';
ALTER TYPE "AuditEventType" ADD VALUE 'CONSOLE_USER_PASSWORD_CHANGE';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "lockoutClearedAt" TIMESTAMPTZ(3),
ADD COLUMN     "mustChangePassword" BOOLEAN NOT NULL DEFAULT false;

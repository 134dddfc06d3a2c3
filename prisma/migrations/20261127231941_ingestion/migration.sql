-- CreateEnum
CREATE TYPE "ApiScope" AS ENUM ('INGEST', 'READ');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AuditEventType" ADD VALUE 'API_TOKEN_CREATE';
ALTER TYPE "AuditEventType" ADD VALUE 'API_TOKEN_REVOKE';

-- DropIndex
DROP INDEX "AuditEvent_source_sourceEventId_idx";

-- DropIndex
DROP INDEX "Tracker_projectId_name_key";

-- DropIndex
DROP INDEX "User_username_key";

-- AlterTable
ALTER TABLE "Artifact" ADD COLUMN     "namedAt" TIMESTAMPTZ(3),
ADD COLUMN     "source" TEXT,
ADD COLUMN     "sourceId" TEXT,
ADD COLUMN     "statusAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "namedAt" TIMESTAMPTZ(3),
ADD COLUMN     "source" TEXT,
ADD COLUMN     "sourceId" TEXT,
ALTER COLUMN "key" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Tracker" ADD COLUMN     "namedAt" TIMESTAMPTZ(3),
ADD COLUMN     "source" TEXT,
ADD COLUMN     "sourceId" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "namedAt" TIMESTAMPTZ(3),
ADD COLUMN     "source" TEXT,
ADD COLUMN     "sourceId" TEXT,
ADD COLUMN     "statusAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "EventSource" (
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastReceivedAt" TIMESTAMPTZ(3),
    "lastRefusedAt" TIMESTAMPTZ(3),
    "lastRefusalReason" TEXT,

    CONSTRAINT "EventSource_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "EventSourceTally" (
    "source" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(0) NOT NULL,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "dropped" INTEGER NOT NULL DEFAULT 0,
    "expired" INTEGER NOT NULL DEFAULT 0,
    "refused" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "EventSourceTally_pkey" PRIMARY KEY ("source","hour")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "scopes" "ApiScope"[],
    "prefix" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "createdById" INTEGER,
    "createdByName" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedByName" TEXT,
    "lastUsedAt" TIMESTAMPTZ(3),
    "lastUsedIp" TEXT,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IngestedEventKey" (
    "source" TEXT NOT NULL,
    "sourceEventId" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IngestedEventKey_pkey" PRIMARY KEY ("source","sourceEventId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_secretHash_key" ON "ApiToken"("secretHash");

-- CreateIndex
CREATE INDEX "ApiToken_source_idx" ON "ApiToken"("source");

-- CreateIndex
CREATE UNIQUE INDEX "Artifact_source_sourceId_key" ON "Artifact"("source", "sourceId");

-- CreateIndex
CREATE INDEX "AuditEvent_source_createdAt_id_idx" ON "AuditEvent"("source", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Project_source_sourceId_key" ON "Project"("source", "sourceId");

-- CreateIndex
CREATE INDEX "Tracker_projectId_idx" ON "Tracker"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "Tracker_source_sourceId_key" ON "Tracker"("source", "sourceId");

-- CreateIndex
CREATE INDEX "User_username_idx" ON "User"("username");

-- CreateIndex
CREATE UNIQUE INDEX "User_source_sourceId_key" ON "User"("source", "sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "User_console_username_key" ON "User"("username") WHERE (source IS NULL);

-- AddForeignKey
ALTER TABLE "EventSourceTally" ADD CONSTRAINT "EventSourceTally_source_fkey" FOREIGN KEY ("source") REFERENCES "EventSource"("name") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_source_fkey" FOREIGN KEY ("source") REFERENCES "EventSource"("name") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ConsoleRole" AS ENUM ('ADMIN', 'AUDITOR', 'NONE');

-- CreateEnum
CREATE TYPE "ArtifactKind" AS ENUM ('WORK_ITEM', 'ARTIFACT');

-- CreateEnum
CREATE TYPE "ArtifactState" AS ENUM ('ACTIVE', 'TRASHED', 'DELETED');

-- CreateEnum
CREATE TYPE "AuditCategory" AS ENUM ('LOGIN', 'WORK_ITEM', 'ARTIFACT', 'PERMISSION', 'SYSTEM');

-- CreateEnum
CREATE TYPE "AuditEventType" AS ENUM ('USER_LOGIN', 'USER_LOGOUT', 'USER_SYSTEM_LOGOUT', 'WORK_ITEM_CREATE', 'WORK_ITEM_DELETE', 'WORK_ITEM_REMOVE', 'WORK_ITEM_RESTORE', 'WORK_ITEM_UPDATE', 'ARTIFACT_CREATE', 'ARTIFACT_DELETE', 'ARTIFACT_REMOVE', 'ARTIFACT_RESTORE', 'ARTIFACT_UPDATE', 'ARTIFACT_PERMISSION_CREATE', 'ARTIFACT_PERMISSION_DELETE', 'ARTIFACT_PERMISSION_UPDATE', 'GROUP_ASSIGN', 'GROUP_REMOVE', 'USER_CREATE', 'USER_DISABLE', 'USER_ENABLE', 'AUDIT_CONFIG_CHANGE', 'AUDIT_EXPORT', 'AUDIT_PURGE');

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "email" TEXT,
    "avatarUrl" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "consoleRole" "ConsoleRole" NOT NULL DEFAULT 'NONE',
    "passwordHash" TEXT,
    "tokenVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Group" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,

    CONSTRAINT "Group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupMembership" (
    "userId" INTEGER NOT NULL,
    "groupId" INTEGER NOT NULL,

    CONSTRAINT "GroupMembership_pkey" PRIMARY KEY ("userId","groupId")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tracker" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Tracker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Artifact" (
    "id" SERIAL NOT NULL,
    "kind" "ArtifactKind" NOT NULL,
    "name" TEXT NOT NULL,
    "projectId" INTEGER,
    "trackerId" INTEGER,
    "state" "ArtifactState" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Artifact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "category" "AuditCategory" NOT NULL,
    "eventType" "AuditEventType" NOT NULL,
    "actorId" INTEGER,
    "actorName" TEXT NOT NULL,
    "targetUserId" INTEGER,
    "targetUserName" TEXT,
    "projectId" INTEGER,
    "projectName" TEXT,
    "trackerId" INTEGER,
    "trackerName" TEXT,
    "artifactId" INTEGER,
    "artifactName" TEXT,
    "artifactKind" "ArtifactKind",
    "message" TEXT,
    "changes" JSONB,
    "details" JSONB,
    "ip" TEXT,
    "userAgent" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" TEXT,
    "sourceEventId" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventTypeSetting" (
    "eventType" "AuditEventType" NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedBy" TEXT,

    CONSTRAINT "EventTypeSetting_pkey" PRIMARY KEY ("eventType")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedBy" TEXT,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" BIGSERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "ip" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsoleSession" (
    "id" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMPTZ(3),
    "endReason" TEXT,

    CONSTRAINT "ConsoleSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "User_displayName_idx" ON "User"("displayName");

-- CreateIndex
CREATE UNIQUE INDEX "Group_name_key" ON "Group"("name");

-- CreateIndex
CREATE INDEX "GroupMembership_groupId_idx" ON "GroupMembership"("groupId");

-- CreateIndex
CREATE UNIQUE INDEX "Project_key_key" ON "Project"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Tracker_projectId_name_key" ON "Tracker"("projectId", "name");

-- CreateIndex
CREATE INDEX "Artifact_projectId_idx" ON "Artifact"("projectId");

-- CreateIndex
CREATE INDEX "Artifact_trackerId_idx" ON "Artifact"("trackerId");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_id_idx" ON "AuditEvent"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_category_createdAt_id_idx" ON "AuditEvent"("category", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_category_createdAt_id_idx" ON "AuditEvent"("actorId", "category", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_eventType_createdAt_id_idx" ON "AuditEvent"("eventType", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_projectId_category_createdAt_id_idx" ON "AuditEvent"("projectId", "category", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_trackerId_category_createdAt_id_idx" ON "AuditEvent"("trackerId", "category", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_artifactId_createdAt_id_idx" ON "AuditEvent"("artifactId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_targetUserId_createdAt_id_idx" ON "AuditEvent"("targetUserId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_source_sourceEventId_key" ON "AuditEvent"("source", "sourceEventId");

-- CreateIndex
CREATE INDEX "LoginAttempt_username_createdAt_idx" ON "LoginAttempt"("username", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "ConsoleSession_userId_idx" ON "ConsoleSession"("userId");

-- CreateIndex
CREATE INDEX "ConsoleSession_endedAt_lastSeenAt_idx" ON "ConsoleSession"("endedAt", "lastSeenAt");

-- AddForeignKey
ALTER TABLE "GroupMembership" ADD CONSTRAINT "GroupMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupMembership" ADD CONSTRAINT "GroupMembership_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tracker" ADD CONSTRAINT "Tracker_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Artifact" ADD CONSTRAINT "Artifact_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Artifact" ADD CONSTRAINT "Artifact_trackerId_fkey" FOREIGN KEY ("trackerId") REFERENCES "Tracker"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsoleSession" ADD CONSTRAINT "ConsoleSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

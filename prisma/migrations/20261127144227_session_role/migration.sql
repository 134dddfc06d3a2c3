-- AlterTable
ALTER TABLE "ConsoleSession" ADD COLUMN     "role" "ConsoleRole" NOT NULL DEFAULT 'NONE';

-- Sessions open at the upgrade keep going: they began with the role their user has now.
UPDATE "ConsoleSession" AS s SET "role" = u."consoleRole" FROM "User" AS u WHERE u."id" = s."userId" AND s."endedAt" IS NULL;

import { defineConfig } from "prisma/config";
import { EXTERNAL_TABLES } from "./lib/db/event-partitions";

// The tables between AuditEvent and its month partitions, and the hourly counts its triggers keep,
// are the database's business, not the schema's: Prisma Migrate leaves them alone (its diff ignores
// the months themselves already).
export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { externalTables: true },
  tables: { external: EXTERNAL_TABLES },
});

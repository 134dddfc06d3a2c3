import { defineConfig } from "prisma/config";
import { PARTITION_PARENTS } from "./lib/db/event-partitions";

// The tables between AuditEvent and its month partitions are the database's business, not the
// schema's: Prisma Migrate leaves them alone (its diff ignores the months themselves already).
export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { externalTables: true },
  tables: { external: PARTITION_PARENTS.map((table) => `public.${table}`) },
});

import { describe, expect, it } from "vitest";
import { diffMigrationsToSchema } from "./schema-engine";

describe("prisma/schema.prisma and prisma/migrations", () => {
  it("agree: every schema change has its migration (npm run db:migration:create -- <name>)", async () => {
    expect(await diffMigrationsToSchema()).toBeNull();
  }, 180_000);
});

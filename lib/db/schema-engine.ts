// Prisma's WebAssembly schema engine, loaded by hand: the native engine cannot be downloaded here
// and Node 20 cannot import the package's .wasm entry. Used to create migrations (its `diff`,
// with an in-memory PGlite as shadow database) and to check that schema and migrations agree.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { EXTERNAL_TABLES } from "./event-partitions";
import { MIGRATIONS_DIR, SCHEMA_PATH, readMigrations } from "./migrations-folder";

const EMPTY_MIGRATION = "-- This is an empty migration.";

type Glue = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

async function loadEngineGlue(): Promise<Glue> {
  const globals = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
  globals.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message: string) {
      throw new Error(`Prisma schema engine panicked: ${message}`);
    },
  };
  const glue: Glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const require = createRequire(import.meta.url);
  const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
  const module = new WebAssembly.Module(readFileSync(wasmPath));
  const instance = new WebAssembly.Instance(module, { "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports });
  const exports = instance.exports as { __wbindgen_start(): void };
  (glue as unknown as { __wbg_set_wasm(exports: unknown): void }).__wbg_set_wasm(instance.exports);
  exports.__wbindgen_start();
  return glue;
}

/**
 * The SQL that takes a database from the migrations folder to schema.prisma, or null when they
 * agree. The migrations are replayed on a throw-away in-memory PGlite.
 */
export async function diffMigrationsToSchema(migrationsDir = MIGRATIONS_DIR, schemaPath = SCHEMA_PATH): Promise<string | null> {
  const glue = await loadEngineGlue();
  const schemaText = readFileSync(schemaPath, "utf8");
  const shadow = new PGlite("memory://");
  try {
    const factory = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(shadow));
    const engine = await glue.SchemaEngine.new({ datamodels: [[schemaPath, schemaText]] }, () => {}, factory);
    const migrations = readMigrations(migrationsDir);
    const from =
      migrations.length === 0
        ? { tag: "empty" as const }
        : {
            tag: "migrations" as const,
            baseDir: migrationsDir,
            lockfile: { path: "migration_lock.toml", content: 'provider = "postgresql"\n' },
            shadowDbInitScript: "",
            migrationDirectories: migrations.map((migration) => ({
              path: migration.name,
              migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: migration.sql } },
            })),
          };
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schemaText }] },
      script: true,
      exitCode: null,
      filters: { externalTables: EXTERNAL_TABLES, externalEnums: [] },
    } as Parameters<typeof engine.diff>[0]);
    const script = (result as { stdout: string }).stdout.trim();
    return script === "" || script === EMPTY_MIGRATION ? null : `${script}\n`;
  } finally {
    await shadow.close();
  }
}

// npm run db:migrate: applies prisma/migrations to the embedded database, or to DATABASE_URL as its
// owner (DATABASE_OWNER_URL when set: the application's own role may not create tables).
import { openDatabase } from "../lib/db/database";
import { migrate } from "../lib/db/migrate";

const database = openDatabase();
try {
  const result = await database.withOwnerSession((owner) => migrate(owner));
  for (const name of result.modified) console.warn(`warning: migration ${name} was changed after it was applied`);
  console.log(
    result.applied.length === 0
      ? `Database ${database.location} is up to date.`
      : `Applied ${result.applied.length} migration(s) to ${database.location}: ${result.applied.join(", ")}`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}

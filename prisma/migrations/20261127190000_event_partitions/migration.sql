-- AuditEvent partitioned by retention class (LIST on category), then by month (RANGE on createdAt):
-- the remover drops whole months of Logins, Work Items and Artifacts instead of deleting them row by
-- row, and leaves no dead rows. Written by hand: Prisma's schema cannot describe partitions. Prisma
-- sees AuditEvent as one table whose primary key is (id, category, createdAt), which PostgreSQL
-- requires of a partitioned table (the partition keys in every unique index); the two tables between
-- AuditEvent and its months are external tables to Prisma (prisma.config.ts). lib/db/event-partitions.ts
-- calls the functions made here. On an existing database the events are copied over in one
-- transaction: 10 million took about 6 minutes here (README "Speed at 10 million events").

-- The table as it was, out of the way (index names are per schema, so those it keeps are renamed).
ALTER TABLE "AuditEvent" RENAME TO "AuditEvent_unpartitioned";
ALTER TABLE "AuditEvent_unpartitioned" RENAME CONSTRAINT "AuditEvent_pkey" TO "AuditEvent_unpartitioned_pkey";
ALTER INDEX "AuditEvent_createdAt_id_idx" RENAME TO "AuditEvent_unpartitioned_createdAt_id_idx";
DROP INDEX "AuditEvent_category_search_idx";
DROP INDEX "AuditEvent_actor_search_idx";
DROP INDEX "AuditEvent_eventType_search_idx";
DROP INDEX "AuditEvent_project_search_idx";
DROP INDEX "AuditEvent_tracker_search_idx";
DROP INDEX "AuditEvent_targetUser_search_idx";
DROP INDEX "AuditEvent_artifactId_createdAt_id_idx";
DROP INDEX "AuditEvent_source_sourceEventId_key";
DROP STATISTICS "AuditEvent_place_stats";
DROP STATISTICS "AuditEvent_type_stats";

-- changes is json, not jsonb: it is written once and read whole, and jsonb's output function took
-- half of PostgreSQL's time in an export (1.24 s against 0.60 s for 300,000 rows).
CREATE TABLE "AuditEvent" (
    "id" BIGINT NOT NULL DEFAULT nextval('"AuditEvent_id_seq"'),
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
    "changes" JSON,
    "details" JSONB,
    "ip" TEXT,
    "userAgent" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" TEXT,
    "sourceEventId" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id", "category", "createdAt")
) PARTITION BY LIST ("category");
ALTER SEQUENCE "AuditEvent_id_seq" OWNED BY "AuditEvent"."id";

CREATE TABLE "AuditEvent_expiring" PARTITION OF "AuditEvent" FOR VALUES IN ('LOGIN', 'WORK_ITEM', 'ARTIFACT') PARTITION BY RANGE ("createdAt");
CREATE TABLE "AuditEvent_kept" PARTITION OF "AuditEvent" FOR VALUES IN ('PERMISSION', 'SYSTEM') PARTITION BY RANGE ("createdAt");
-- Events of a month without its partition (an import of old events) wait here until maintenance
-- makes the month (audit_event_ensure_partitions moves them).
CREATE TABLE "AuditEvent_expiring_default" PARTITION OF "AuditEvent_expiring" DEFAULT;
CREATE TABLE "AuditEvent_kept_default" PARTITION OF "AuditEvent_kept" DEFAULT;

-- One month of one class: made empty, filled with the month's events from the default partition,
-- then attached (the attach checks the default holds none of the month any more). Returns its name,
-- or null when it was there already.
CREATE FUNCTION audit_event_month_partition(retention_class text, month_start timestamptz) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  first_day timestamp := date_trunc('month', month_start AT TIME ZONE 'UTC');
  start_at timestamptz := first_day AT TIME ZONE 'UTC';
  end_at timestamptz := (first_day + interval '1 month') AT TIME ZONE 'UTC';
  parent text := 'AuditEvent_' || retention_class;
  name text := parent || '_' || to_char(first_day, 'YYYY_MM');
BEGIN
  IF to_regclass(format('%I', name)) IS NOT NULL THEN
    RETURN NULL;
  END IF;
  EXECUTE format('CREATE TABLE %I (LIKE "AuditEvent" INCLUDING DEFAULTS)', name);
  EXECUTE format('WITH moved AS (DELETE FROM %I WHERE "createdAt" >= $1 AND "createdAt" < $2 RETURNING *) INSERT INTO %I SELECT * FROM moved',
    parent || '_default', name) USING start_at, end_at;
  EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', parent, name, start_at, end_at);
  -- Index-only scans need the visibility map of the newest pages: vacuum after 1% of inserts.
  EXECUTE format('ALTER TABLE %I SET (autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_vacuum_insert_threshold = 10000)', name);
  -- Which projects' events name which trackers (a project with another project's tracker matches
  -- nothing: the planner must know, not assume the filters independent), and that a type has one category.
  EXECUTE format('CREATE STATISTICS %I (mcv, dependencies) ON "projectId", "trackerId" FROM %I', name || '_place', name);
  EXECUTE format('CREATE STATISTICS %I (dependencies) ON "category", "eventType" FROM %I', name || '_type', name);
  RETURN name;
END $$;

-- Every month of both classes from the month of from_at to the month of to_at; the names of those made, comma-separated.
CREATE FUNCTION audit_event_ensure_partitions(from_at timestamptz, to_at timestamptz) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  month timestamptz := date_trunc('month', from_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  made text[] := '{}';
  retention_class text;
  name text;
BEGIN
  WHILE month <= to_at LOOP
    FOREACH retention_class IN ARRAY ARRAY['expiring', 'kept'] LOOP
      name := audit_event_month_partition(retention_class, month);
      IF name IS NOT NULL THEN
        made := made || name;
      END IF;
    END LOOP;
    month := ((month AT TIME ZONE 'UTC') + interval '1 month') AT TIME ZONE 'UTC';
  END LOOP;
  RETURN array_to_string(made, ',');
END $$;

-- The months the events span, and three ahead; then the events, oldest first (each month's table
-- then reads in time order), and the old table goes.
SELECT audit_event_ensure_partitions(coalesce((SELECT min("createdAt") FROM "AuditEvent_unpartitioned"), CURRENT_TIMESTAMP), CURRENT_TIMESTAMP + interval '3 months');
INSERT INTO "AuditEvent" ("id", "category", "eventType", "actorId", "actorName", "targetUserId", "targetUserName", "projectId", "projectName", "trackerId",
  "trackerName", "artifactId", "artifactName", "artifactKind", "message", "changes", "details", "ip", "userAgent", "createdAt", "source", "sourceEventId")
SELECT "id", "category", "eventType", "actorId", "actorName", "targetUserId", "targetUserName", "projectId", "projectName", "trackerId",
  "trackerName", "artifactId", "artifactName", "artifactKind", "message", "changes"::json, "details", "ip", "userAgent", "createdAt", "source", "sourceEventId"
FROM "AuditEvent_unpartitioned" ORDER BY "createdAt", "id";
DROP TABLE "AuditEvent_unpartitioned";

-- The indexes, on every partition (made after the copy: building an index is faster than filling one).
CREATE INDEX "AuditEvent_createdAt_id_idx" ON "AuditEvent"("createdAt" DESC, "id" DESC);
CREATE INDEX "AuditEvent_category_search_idx" ON "AuditEvent"("category", "createdAt" DESC, "id" DESC, "eventType", "actorId", "targetUserId", "projectId", "trackerId");
CREATE INDEX "AuditEvent_actor_search_idx" ON "AuditEvent"("actorId", "category", "createdAt" DESC, "id" DESC, "eventType", "targetUserId", "projectId", "trackerId");
CREATE INDEX "AuditEvent_eventType_search_idx" ON "AuditEvent"("eventType", "createdAt" DESC, "id" DESC, "category", "actorId", "targetUserId", "projectId", "trackerId");
CREATE INDEX "AuditEvent_project_search_idx" ON "AuditEvent"("projectId", "category", "createdAt" DESC, "id" DESC, "eventType", "actorId", "targetUserId", "trackerId");
CREATE INDEX "AuditEvent_tracker_search_idx" ON "AuditEvent"("trackerId", "category", "createdAt" DESC, "id" DESC, "eventType", "actorId", "targetUserId", "projectId");
CREATE INDEX "AuditEvent_targetUser_search_idx" ON "AuditEvent"("targetUserId", "category", "createdAt" DESC, "id" DESC, "eventType", "actorId", "projectId", "trackerId");
CREATE INDEX "AuditEvent_artifactId_createdAt_id_idx" ON "AuditEvent"("artifactId", "createdAt" DESC, "id" DESC);
-- A sender's event id is unique within its source only in the ingestion's own key table (a
-- partitioned table cannot hold a unique index without its partition keys); here, a lookup.
CREATE INDEX "AuditEvent_source_sourceEventId_idx" ON "AuditEvent"("source", "sourceEventId");

ANALYZE "AuditEvent";

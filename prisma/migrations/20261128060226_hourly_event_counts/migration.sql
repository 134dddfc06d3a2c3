-- How many events each UTC hour holds, per category, event type and source: the activity charts
-- read a year of a tab from here instead of grouping millions of events (lib/audit/activity). Written
-- by hand: the source is null for the console's own events and still one key (NULLS NOT DISTINCT),
-- which Prisma's schema cannot say, so the table is external to Prisma (prisma.config.ts) and read
-- with SQL only.
CREATE TABLE "AuditEventHourlyCount" (
    "category" "AuditCategory" NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "eventType" "AuditEventType" NOT NULL,
    "source" TEXT,
    "count" BIGINT NOT NULL
);
CREATE UNIQUE INDEX "AuditEventHourlyCount_key" ON "AuditEventHourlyCount" ("category", "hour", "eventType", "source") NULLS NOT DISTINCT;

-- Every statement that adds or removes events through AuditEvent (ingestion, recordEvent, the seed,
-- the remover's batches, deleteMany, TRUNCATE) keeps the hourly counts in its own transaction,
-- whatever code path it takes.
-- Statement-level triggers with transition tables see the rows of every partition at once: one
-- grouped upsert a statement, not one a row. Rows moved between partitions directly (a month made
-- from the default partition) name the partitions, not AuditEvent, and fire nothing: their count
-- does not change. A dropped month partition fires nothing either: dropEventPartition subtracts it.
CREATE FUNCTION audit_event_count_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- In key order, so that two writers touching the same hours lock them in the same order.
  INSERT INTO "AuditEventHourlyCount" ("category", "hour", "eventType", "source", "count")
  SELECT "category", date_trunc('hour', "createdAt", 'UTC'), "eventType", "source", count(*) FROM added GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT ("category", "hour", "eventType", "source") DO UPDATE SET "count" = "AuditEventHourlyCount"."count" + EXCLUDED."count";
  RETURN NULL;
END $$;

CREATE FUNCTION audit_event_count_deleted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  WITH gone AS (
    SELECT "category", date_trunc('hour', "createdAt", 'UTC') AS "hour", "eventType", "source", count(*) AS "count" FROM removed GROUP BY 1, 2, 3, 4
  )
  UPDATE "AuditEventHourlyCount" AS c SET "count" = c."count" - gone."count" FROM gone
  WHERE c."category" = gone."category" AND c."hour" = gone."hour" AND c."eventType" = gone."eventType" AND c."source" IS NOT DISTINCT FROM gone."source";
  DELETE FROM "AuditEventHourlyCount" AS c USING (SELECT DISTINCT "category", date_trunc('hour', "createdAt", 'UTC') AS "hour" FROM removed) AS touched
  WHERE c."category" = touched."category" AND c."hour" = touched."hour" AND c."count" <= 0;
  RETURN NULL;
END $$;

CREATE FUNCTION audit_event_count_truncated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "AuditEventHourlyCount";
  RETURN NULL;
END $$;

CREATE TRIGGER "AuditEvent_count_inserted" AFTER INSERT ON "AuditEvent"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION audit_event_count_inserted();
CREATE TRIGGER "AuditEvent_count_deleted" AFTER DELETE ON "AuditEvent"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION audit_event_count_deleted();
CREATE TRIGGER "AuditEvent_count_truncated" AFTER TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_count_truncated();

-- Hours are UTC's (date_trunc's zone argument: without it the session's zone decides). The events
-- already stored:
INSERT INTO "AuditEventHourlyCount" ("category", "hour", "eventType", "source", "count")
SELECT "category", date_trunc('hour', "createdAt", 'UTC'), "eventType", "source", count(*) FROM "AuditEvent" GROUP BY 1, 2, 3, 4;

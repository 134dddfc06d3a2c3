-- CreateTable
CREATE TABLE "AuditEventHourlyCount" (
    "category" "AuditCategory" NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "eventType" "AuditEventType" NOT NULL,
    "count" BIGINT NOT NULL,

    CONSTRAINT "AuditEventHourlyCount_pkey" PRIMARY KEY ("category","hour","eventType")
);

-- Written by hand from here: Prisma's schema cannot describe triggers. Every statement that adds or
-- removes events through AuditEvent (ingestion, recordEvent, the seed, the remover's batches,
-- deleteMany, TRUNCATE) keeps the hourly counts in its own transaction, whatever code path it takes.
-- Statement-level triggers with transition tables see the rows of every partition at once: one
-- grouped upsert a statement, not one a row. Rows moved between partitions directly (a month made
-- from the default partition) name the partitions, not AuditEvent, and fire nothing: their count
-- does not change. A dropped month partition fires nothing either: dropEventPartition subtracts it.
CREATE FUNCTION audit_event_count_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- In key order, so that two writers touching the same hours lock them in the same order.
  INSERT INTO "AuditEventHourlyCount" ("category", "hour", "eventType", "count")
  SELECT "category", date_trunc('hour', "createdAt", 'UTC'), "eventType", count(*) FROM added GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT ("category", "hour", "eventType") DO UPDATE SET "count" = "AuditEventHourlyCount"."count" + EXCLUDED."count";
  RETURN NULL;
END $$;

CREATE FUNCTION audit_event_count_deleted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  WITH gone AS (
    SELECT "category", date_trunc('hour', "createdAt", 'UTC') AS "hour", "eventType", count(*) AS "count" FROM removed GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  )
  UPDATE "AuditEventHourlyCount" AS c SET "count" = c."count" - gone."count" FROM gone
  WHERE c."category" = gone."category" AND c."hour" = gone."hour" AND c."eventType" = gone."eventType";
  DELETE FROM "AuditEventHourlyCount"
  WHERE ("category", "hour", "eventType") IN (SELECT DISTINCT "category", date_trunc('hour', "createdAt", 'UTC'), "eventType" FROM removed) AND "count" <= 0;
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
INSERT INTO "AuditEventHourlyCount" ("category", "hour", "eventType", "count")
SELECT "category", date_trunc('hour', "createdAt", 'UTC'), "eventType", count(*) FROM "AuditEvent" GROUP BY 1, 2, 3;

-- The activity charts' counts, in two tables (lib/audit/activity). Writers append to a log of
-- counts per quarter hour (every zone's days and hours start on a quarter hour: Asia/Kolkata's and
-- Asia/Kathmandu's too, which the UTC hours could not serve), and a compaction folds the log into
-- one row per UTC day, category, event type and source, holding the running total of its 96 quarter
-- hours: any zone's day is cut from two UTC days by one subtraction each (element k holds the events
-- of the first k quarter hours), so a year of a tab is 366 rows a type to read, not 8,760 hours. Written by hand and read with SQL only (the source is null for the console's own events
-- and still one key: NULLS NOT DISTINCT, which Prisma's schema cannot say).
ALTER TABLE "AuditEventHourlyCount" RENAME TO "AuditEventCountLog";
ALTER TABLE "AuditEventCountLog" RENAME COLUMN "hour" TO "at";
ALTER INDEX "AuditEventHourlyCount_category_hour" RENAME TO "AuditEventCountLog_category_at";
COMMENT ON COLUMN "AuditEventCountLog"."at" IS 'the UTC quarter hour of the events counted';

CREATE TABLE "AuditEventDayCount" (
    "category" "AuditCategory" NOT NULL,
    "day" DATE NOT NULL,
    "eventType" "AuditEventType" NOT NULL,
    "source" TEXT,
    -- 96 running totals: element k (from 1) counts the events of the day's first k quarter hours (UTC)
    "cumulative" BIGINT[] NOT NULL
);
CREATE UNIQUE INDEX "AuditEventDayCount_key" ON "AuditEventDayCount" ("category", "day", "eventType", "source") NULLS NOT DISTINCT;

-- The quarter hour an instant falls in (UTC; date_bin needs no zone).
CREATE FUNCTION audit_quarter_hour(at timestamptz) RETURNS timestamptz
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT date_bin('15 minutes', at, TIMESTAMPTZ '2000-01-01 00:00:00+00') $$;

CREATE OR REPLACE FUNCTION audit_event_count_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "AuditEventCountLog" ("category", "at", "eventType", "source", "count")
  SELECT "category", audit_quarter_hour("createdAt"), "eventType", "source", count(*) FROM added GROUP BY 1, 2, 3, 4;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION audit_event_count_deleted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "AuditEventCountLog" ("category", "at", "eventType", "source", "count")
  SELECT "category", audit_quarter_hour("createdAt"), "eventType", "source", -count(*) FROM removed GROUP BY 1, 2, 3, 4;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION audit_event_count_truncated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "AuditEventCountLog";
  DELETE FROM "AuditEventDayCount";
  RETURN NULL;
END $$;

-- Folds the log's rows of quarter hours before `before` into the day rows, in one statement (a
-- reader sees the counts either in the log or in the days, never both or neither). One at a time
-- (advisory lock "AUCC"): the day rows are only ever written here. Returns the log rows folded.
CREATE FUNCTION audit_event_counts_compact(before timestamptz) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  folded bigint;
  days date[];
BEGIN
  PERFORM pg_advisory_xact_lock(1095058243);
  WITH moved AS (
    DELETE FROM "AuditEventCountLog" WHERE "at" < before RETURNING *
  ), by_quarter AS (
    SELECT "category", ("at" AT TIME ZONE 'UTC')::date AS "day", "eventType", "source",
      (extract(epoch FROM "at" - date_trunc('day', "at", 'UTC')) / 900)::int AS "quarter", sum("count") AS "count"
    FROM moved GROUP BY 1, 2, 3, 4, 5
  ), by_day AS (
    SELECT "category", "day", "eventType", "source", array_agg("total" ORDER BY slot) AS "cumulative"
    FROM (
      SELECT k."category", k."day", k."eventType", k."source", slot,
        sum(coalesce(q."count", 0)) OVER (PARTITION BY k."category", k."day", k."eventType", k."source" ORDER BY slot) AS "total"
      FROM (SELECT DISTINCT "category", "day", "eventType", "source" FROM by_quarter) AS k
      CROSS JOIN generate_series(0, 95) AS slot
      LEFT JOIN by_quarter AS q ON q."category" = k."category" AND q."day" = k."day" AND q."eventType" = k."eventType"
        AND q."source" IS NOT DISTINCT FROM k."source" AND q."quarter" = slot
    ) AS running
    GROUP BY 1, 2, 3, 4
  ), upserted AS (
    INSERT INTO "AuditEventDayCount" AS d ("category", "day", "eventType", "source", "cumulative")
    SELECT "category", "day", "eventType", "source", "cumulative" FROM by_day
    ON CONFLICT ("category", "day", "eventType", "source") DO UPDATE
      -- running totals add up element by element
      SET "cumulative" = ARRAY(SELECT a + b FROM unnest(d."cumulative", EXCLUDED."cumulative") AS pair(a, b))
    RETURNING 1
  )
  SELECT count(*), array_agg(DISTINCT ("at" AT TIME ZONE 'UTC')::date) INTO folded, days FROM moved;
  -- Days whose events were all removed again (a purge's negative counts) hold nothing: gone.
  DELETE FROM "AuditEventDayCount" WHERE "day" = ANY(days) AND 0 = ALL("cumulative");
  RETURN folded;
END $$;

-- The events already stored, counted again by quarter hour, then folded into days.
DELETE FROM "AuditEventCountLog";
INSERT INTO "AuditEventCountLog" ("category", "at", "eventType", "source", "count")
SELECT "category", audit_quarter_hour("createdAt"), "eventType", "source", count(*) FROM "AuditEvent" GROUP BY 1, 2, 3, 4;
SELECT audit_event_counts_compact(CURRENT_TIMESTAMP);

-- The hourly counts become a log of counts that writers append, never update: one row per hour,
-- type and source per statement, added (an insert) or taken off (a delete, a dropped partition, as
-- a negative count); readers sum them. Updating one row per hour made every writer of that hour wait
-- for the others to commit (the row's lock): a transaction held open held up all ingestion of its
-- hour, which the event writers' lock test caught on PostgreSQL.
DROP INDEX "AuditEventHourlyCount_key";
CREATE INDEX "AuditEventHourlyCount_category_hour" ON "AuditEventHourlyCount" ("category", "hour");

CREATE OR REPLACE FUNCTION audit_event_count_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "AuditEventHourlyCount" ("category", "hour", "eventType", "source", "count")
  SELECT "category", date_trunc('hour', "createdAt", 'UTC'), "eventType", "source", count(*) FROM added GROUP BY 1, 2, 3, 4;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION audit_event_count_deleted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "AuditEventHourlyCount" ("category", "hour", "eventType", "source", "count")
  SELECT "category", date_trunc('hour', "createdAt", 'UTC'), "eventType", "source", -count(*) FROM removed GROUP BY 1, 2, 3, 4;
  RETURN NULL;
END $$;

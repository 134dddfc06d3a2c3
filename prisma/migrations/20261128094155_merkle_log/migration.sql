-- CreateTable
CREATE TABLE "AuditLeaf" (
    "seq" BIGINT NOT NULL,
    "eventId" BIGINT NOT NULL,
    "category" "AuditCategory" NOT NULL,
    "eventCreatedAt" TIMESTAMPTZ(3) NOT NULL,
    "hash" BYTEA NOT NULL,
    "sequencedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLeaf_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "AuditMerkleNode" (
    "level" INTEGER NOT NULL,
    "index" BIGINT NOT NULL,
    "hash" BYTEA NOT NULL,

    CONSTRAINT "AuditMerkleNode_pkey" PRIMARY KEY ("level","index")
);

-- CreateTable
CREATE TABLE "AuditCheckpoint" (
    "treeSize" BIGINT NOT NULL,
    "rootHash" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "note" TEXT NOT NULL,

    CONSTRAINT "AuditCheckpoint_pkey" PRIMARY KEY ("treeSize")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditLeaf_eventId_key" ON "AuditLeaf"("eventId");

-- Append-only (issue 19). Nobody updates an event or a piece of the Merkle log: not even the owner
-- without first dropping this trigger, which `npm run verify` would then catch in the content.
-- Deleting (and TRUNCATE) is allowed to the owner only, and only with the maintenance flag set
-- for the transaction: the remover (audit_event_purge_batch), moving a month's events out of the
-- default partition, and emptying the database for a fresh seed. On PostgreSQL the application's
-- own role has no UPDATE, DELETE or TRUNCATE privilege on these tables at all (npm run db:roles);
-- on PGlite, which has one role, this trigger is the guard.
CREATE FUNCTION audit_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'TRUNCATE')
     AND current_setting('audit_console.maintenance', true) = 'on'
     AND pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
    IF TG_LEVEL = 'ROW' THEN
      RETURN OLD;
    END IF;
    RETURN NULL;
  END IF;
  RAISE EXCEPTION '"%" is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Audit events are never changed; retention removes them through the remover job as the database owner.';
END $$;

CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER "AuditLeaf_append_only" BEFORE UPDATE OR DELETE ON "AuditLeaf" FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER "AuditMerkleNode_append_only" BEFORE UPDATE OR DELETE ON "AuditMerkleNode" FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER "AuditCheckpoint_append_only" BEFORE UPDATE OR DELETE ON "AuditCheckpoint" FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
-- TRUNCATE fires no row trigger: a statement trigger of its own, on the events' every table.
CREATE FUNCTION audit_refuse_truncate_on(table_name regclass) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()',
    left(replace(table_name::text, '"', ''), 50) || '_no_truncate', table_name);
END $$;
SELECT audit_refuse_truncate_on(c.oid::regclass) FROM pg_class c
WHERE c.relname IN ('AuditLeaf', 'AuditMerkleNode', 'AuditCheckpoint')
   OR c.oid IN (SELECT relid FROM pg_partition_tree('"AuditEvent"'));

-- The remover's batch (lib/audit/retention/purge.ts): the next `batch_size` events of a category
-- below the keyset bound (createdAt, id), starting from (the cutoff, 0), deleted by their whole primary key, with the maintenance
-- flag set for this statement only. Returns how many went and the oldest of them (the next bound).
CREATE FUNCTION audit_event_purge_batch(purged_category "AuditCategory", bound_created_at timestamptz, bound_id bigint, batch_size int)
RETURNS TABLE (deleted int, "lastId" text, "lastCreatedAt" timestamptz)
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('audit_console.maintenance', 'on', true);
  RETURN QUERY
  WITH doomed AS (
    SELECT e.id, e."createdAt" FROM "AuditEvent" e
    WHERE e.category = purged_category AND e."createdAt" <= bound_created_at AND (e."createdAt", e.id) < (bound_created_at, bound_id)
    ORDER BY e."createdAt" DESC, e.id DESC
    LIMIT batch_size
  ), gone AS (
    DELETE FROM "AuditEvent" e USING doomed
    WHERE e.id = doomed.id AND e.category = purged_category AND e."createdAt" = doomed."createdAt"
    RETURNING e.id, e."createdAt"
  )
  SELECT (SELECT count(*) FROM gone)::int, last.id::text, last."createdAt"
  FROM (SELECT 1) AS one LEFT JOIN LATERAL (SELECT g.id, g."createdAt" FROM gone g ORDER BY g."createdAt", g.id LIMIT 1) AS last ON true;
  PERFORM set_config('audit_console.maintenance', 'off', true);
END $$;

-- A month's partition as before (20261127190000_event_partitions), now moving its events out of the
-- default partition under the maintenance flag, and refusing TRUNCATE like the other months (a
-- statement trigger is not cloned to a partition as it is attached; row triggers are).
CREATE OR REPLACE FUNCTION audit_event_month_partition(retention_class text, month_start timestamptz) RETURNS text
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
  PERFORM set_config('audit_console.maintenance', 'on', true);
  EXECUTE format('WITH moved AS (DELETE FROM %I WHERE "createdAt" >= $1 AND "createdAt" < $2 RETURNING *) INSERT INTO %I SELECT * FROM moved',
    parent || '_default', name) USING start_at, end_at;
  PERFORM set_config('audit_console.maintenance', 'off', true);
  EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', parent, name, start_at, end_at);
  PERFORM audit_refuse_truncate_on(format('%I', name)::regclass);
  -- Index-only scans need the visibility map of the newest pages: vacuum after 1% of inserts.
  EXECUTE format('ALTER TABLE %I SET (autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_vacuum_insert_threshold = 10000)', name);
  -- Which projects' events name which trackers (a project with another project's tracker matches
  -- nothing: the planner must know, not assume the filters independent), and that a type has one category.
  EXECUTE format('CREATE STATISTICS %I (mcv, dependencies) ON "projectId", "trackerId" FROM %I', name || '_place', name);
  EXECUTE format('CREATE STATISTICS %I (dependencies) ON "category", "eventType" FROM %I', name || '_type', name);
  RETURN name;
END $$;

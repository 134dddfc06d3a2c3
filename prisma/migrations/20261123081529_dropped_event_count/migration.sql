-- CreateTable
CREATE TABLE "DroppedEventCount" (
    "eventType" "AuditEventType" NOT NULL,
    "count" BIGINT NOT NULL DEFAULT 0,
    "firstDroppedAt" TIMESTAMPTZ(3) NOT NULL,
    "lastDroppedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DroppedEventCount_pkey" PRIMARY KEY ("eventType")
);

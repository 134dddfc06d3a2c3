-- AlterTable
ALTER TABLE "EventSource" ADD COLUMN     "linkTemplate" TEXT;

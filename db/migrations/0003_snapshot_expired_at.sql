ALTER TABLE "score_snapshots" ADD COLUMN "expired_at" timestamp with time zone;--> statement-breakpoint
-- Snapshots expired before this column existed have waited since now, as far as anyone can tell.
UPDATE "score_snapshots" SET "expired_at" = now() WHERE "valid_until" = '1970-01-01';

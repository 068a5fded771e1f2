CREATE TABLE "leaderboard_counts" (
	"community_id" integer NOT NULL,
	"board" text NOT NULL,
	"value" integer NOT NULL,
	"members" integer NOT NULL,
	CONSTRAINT "leaderboard_counts_pkey" PRIMARY KEY("community_id","board","value"),
	CONSTRAINT "leaderboard_counts_board_check" CHECK ("leaderboard_counts"."board" in ('score', 'long_term')),
	CONSTRAINT "leaderboard_counts_value_check" CHECK ("leaderboard_counts"."value" between -1 and 100)
);
--> statement-breakpoint
CREATE TABLE "reminder_deliveries" (
	"member_id" integer NOT NULL,
	"day" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_deliveries_pkey" PRIMARY KEY("member_id","day"),
	CONSTRAINT "reminder_deliveries_status_check" CHECK ("reminder_deliveries"."status" in ('pending', 'sent', 'nothing', 'failed')),
	CONSTRAINT "reminder_deliveries_attempts_check" CHECK ("reminder_deliveries"."attempts" >= 0)
);
--> statement-breakpoint
-- Snapshots are a cache, recomputed on the next leaderboard read: drop any kept without a community.
DELETE FROM "score_snapshots";--> statement-breakpoint
ALTER TABLE "score_snapshots" ADD COLUMN "community_id" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "score_snapshots" ADD COLUMN "next_score" integer;--> statement-breakpoint
ALTER TABLE "score_snapshots" ADD COLUMN "next_window" text;--> statement-breakpoint
ALTER TABLE "score_snapshots" ADD COLUMN "next_long_term_percent" integer;--> statement-breakpoint
ALTER TABLE "score_snapshots" ADD COLUMN "next_outcomes" integer;--> statement-breakpoint
ALTER TABLE "score_snapshots" ADD COLUMN "next_valid_until" date;--> statement-breakpoint
ALTER TABLE "score_snapshots" ADD COLUMN "score_key" bigint GENERATED ALWAYS AS (case when "score_snapshots"."score" is null then null else "score_snapshots"."score"::bigint * 10000000000 + (coalesce("score_snapshots"."long_term_percent", -1) + 1)::bigint * 10000000 + least("score_snapshots"."outcomes", 9999999) end) STORED;--> statement-breakpoint
ALTER TABLE "score_snapshots" ADD COLUMN "long_term_key" bigint GENERATED ALWAYS AS (case when "score_snapshots"."long_term_percent" is null then null else "score_snapshots"."long_term_percent"::bigint * 10000000000 + (coalesce("score_snapshots"."score", -1) + 1)::bigint * 10000000 + least("score_snapshots"."outcomes", 9999999) end) STORED;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reminder_deliveries_pending_idx" ON "reminder_deliveries" USING btree ("day","member_id") WHERE "reminder_deliveries"."status" = 'pending';--> statement-breakpoint
ALTER TABLE "score_snapshots" ADD CONSTRAINT "score_snapshots_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "score_snapshots_score_rank_idx" ON "score_snapshots" USING btree ("community_id","score_key" DESC NULLS LAST,"member_id") WHERE "score_snapshots"."score_key" is not null;--> statement-breakpoint
CREATE INDEX "score_snapshots_long_term_rank_idx" ON "score_snapshots" USING btree ("community_id","long_term_key" DESC NULLS LAST,"member_id") WHERE "score_snapshots"."long_term_key" is not null;--> statement-breakpoint
CREATE INDEX "score_snapshots_community_valid_until_idx" ON "score_snapshots" USING btree ("community_id","valid_until");--> statement-breakpoint
CREATE INDEX "score_snapshots_community_computed_on_idx" ON "score_snapshots" USING btree ("community_id","computed_on");--> statement-breakpoint
CREATE INDEX "score_snapshots_without_next_idx" ON "score_snapshots" USING btree ("member_id") WHERE "score_snapshots"."next_valid_until" is null;--> statement-breakpoint
ALTER TABLE "score_snapshots" ADD CONSTRAINT "score_snapshots_score_check" CHECK ("score_snapshots"."score" between 0 and 100);--> statement-breakpoint
ALTER TABLE "score_snapshots" ADD CONSTRAINT "score_snapshots_long_term_percent_check" CHECK ("score_snapshots"."long_term_percent" between 0 and 100);--> statement-breakpoint
ALTER TABLE "score_snapshots" ADD CONSTRAINT "score_snapshots_outcomes_check" CHECK ("score_snapshots"."outcomes" >= 0);--> statement-breakpoint
-- leaderboard_counts follows score_snapshots: each statement adds its rows' values and takes
-- away the replaced or deleted rows' values (cascaded deletes included), one upsert per
-- statement, in key order so concurrent writers lock count rows in the same order. Rows whose
-- values did not change (a snapshot only renewed or expired) net to zero and lock nothing.
CREATE FUNCTION "leaderboard_counts_follow"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "leaderboard_counts" ("community_id", "board", "value", "members")
    SELECT "community_id", "board", "value", sum("delta")::int FROM (
      SELECT "community_id", 'score' AS "board", coalesce("score", -1) AS "value", 1 AS "delta" FROM "new_rows"
      UNION ALL SELECT "community_id", 'long_term', coalesce("long_term_percent", -1), 1 FROM "new_rows"
    ) AS "changes" GROUP BY 1, 2, 3 HAVING sum("delta") <> 0 ORDER BY 1, 2, 3
    ON CONFLICT ("community_id", "board", "value") DO UPDATE SET "members" = "leaderboard_counts"."members" + excluded."members";
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO "leaderboard_counts" ("community_id", "board", "value", "members")
    SELECT "community_id", "board", "value", sum("delta")::int FROM (
      SELECT "community_id", 'score' AS "board", coalesce("score", -1) AS "value", 1 AS "delta" FROM "new_rows"
      UNION ALL SELECT "community_id", 'long_term', coalesce("long_term_percent", -1), 1 FROM "new_rows"
      UNION ALL SELECT "community_id", 'score', coalesce("score", -1), -1 FROM "old_rows"
      UNION ALL SELECT "community_id", 'long_term', coalesce("long_term_percent", -1), -1 FROM "old_rows"
    ) AS "changes" GROUP BY 1, 2, 3 HAVING sum("delta") <> 0 ORDER BY 1, 2, 3
    ON CONFLICT ("community_id", "board", "value") DO UPDATE SET "members" = "leaderboard_counts"."members" + excluded."members";
  ELSE
    INSERT INTO "leaderboard_counts" ("community_id", "board", "value", "members")
    SELECT "community_id", "board", "value", sum("delta")::int FROM (
      SELECT "community_id", 'score' AS "board", coalesce("score", -1) AS "value", -1 AS "delta" FROM "old_rows"
      UNION ALL SELECT "community_id", 'long_term', coalesce("long_term_percent", -1), -1 FROM "old_rows"
    ) AS "changes" GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("community_id", "board", "value") DO UPDATE SET "members" = "leaderboard_counts"."members" + excluded."members";
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "score_snapshots_counts_insert" AFTER INSERT ON "score_snapshots" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "leaderboard_counts_follow"();--> statement-breakpoint
CREATE TRIGGER "score_snapshots_counts_update" AFTER UPDATE ON "score_snapshots" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "leaderboard_counts_follow"();--> statement-breakpoint
CREATE TRIGGER "score_snapshots_counts_delete" AFTER DELETE ON "score_snapshots" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "leaderboard_counts_follow"();--> statement-breakpoint
-- Every member on a leaderboard has a snapshot (db/member-queries.ts keeps it so): members who
-- joined before this migration get a stale one, computed on the next leaderboard read.
INSERT INTO "score_snapshots" ("member_id", "community_id", "model", "outcomes", "computed_on", "valid_until")
SELECT "id", "community_id", 'upwork-2025', 0, '1970-01-01', '1970-01-01' FROM "members" WHERE "leaderboard_opt_in";--> statement-breakpoint
-- A day change rewrites a few percent of the snapshots; vacuum them soon after (the defaults wait
-- for 20% of the table), so that rank counts stay index-only scans.
ALTER TABLE "score_snapshots" SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02);

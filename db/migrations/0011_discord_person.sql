ALTER TABLE "members" ADD COLUMN "history_member_id" integer;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "merged_copies" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_history_member_id_members_id_fk" FOREIGN KEY ("history_member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "members_history_member_id_idx" ON "members" USING btree ("history_member_id");--> statement-breakpoint
-- hand-written: the data migration of issue 16. A Discord person's history (contracts, recorded
-- scores, reminders, time zone) moves from each server's member row to one personal row in the
-- community (platform discord, external id '@users'; src/commands/history-owner.ts), which the
-- server rows point at (history_member_id). Identical contracts are kept once; differing ones under
-- one id are kept with distinct ids (c1, c1-2) and named in merged_copies, which `list` shows.
-- Plain SQL: runs on PGlite and PostgreSQL alike.
INSERT INTO "communities" ("platform", "external_id", "name")
SELECT 'discord', '@users', 'Discord personal histories'
WHERE EXISTS (SELECT 1 FROM "members" m JOIN "communities" c ON c."id" = m."community_id" WHERE c."platform" = 'discord' AND c."external_id" <> '@users')
ON CONFLICT ("platform", "external_id") DO NOTHING;
--> statement-breakpoint
-- hand-written: one personal row per Discord user. Reminders on if any copy had them on; the zone
-- the member chose (else one fetched), the newest row's first.
INSERT INTO "members" ("community_id", "platform_user_id", "display_name", "reminders_opt_in", "time_zone", "time_zone_fetched_at")
SELECT u."id", m."platform_user_id",
  (array_agg(m."display_name" ORDER BY m."id" DESC))[1],
  bool_or(m."reminders_opt_in"),
  (array_agg(m."time_zone" ORDER BY (m."time_zone" IS NULL), (m."time_zone_fetched_at" IS NOT NULL), m."id" DESC))[1],
  (array_agg(m."time_zone_fetched_at" ORDER BY (m."time_zone" IS NULL), (m."time_zone_fetched_at" IS NOT NULL), m."id" DESC))[1]
FROM "members" m
JOIN "communities" c ON c."id" = m."community_id" AND c."platform" = 'discord' AND c."external_id" <> '@users'
JOIN "communities" u ON u."platform" = 'discord' AND u."external_id" = '@users'
GROUP BY u."id", m."platform_user_id"
ON CONFLICT ("community_id", "platform_user_id") DO NOTHING;
--> statement-breakpoint
-- hand-written: each server (and DM) row points at its person's row.
UPDATE "members" m SET "history_member_id" = h."id"
FROM "communities" c, "communities" u, "members" h
WHERE c."id" = m."community_id" AND c."platform" = 'discord' AND c."external_id" <> '@users'
  AND u."platform" = 'discord' AND u."external_id" = '@users'
  AND h."community_id" = u."id" AND h."platform_user_id" = m."platform_user_id"
  AND m."history_member_id" IS NULL;
--> statement-breakpoint
-- hand-written: every contract of a server row, with what makes it identical to another copy.
CREATE TEMPORARY TABLE "merge_contracts" AS
SELECT c."id" AS "row_id", m."history_member_id" AS "owner", c."contract_id", lower(c."contract_id") AS "lid", c."upwork_contract",
  md5(row(c."client", c."type", c."start_date", c."end_date", c."earnings_cents", c."last_payment", c."stars", c."private_score", c."end_reason",
    c."disputed", c."refunded", c."client_flagged", c."paused_for_client", c."counted", c."upwork_contract", c."upwork_title", c."refund_sources",
    (SELECT string_agg(p."date"::text || ':' || p."amount_cents"::text || ':' || coalesce(p."source_id", ''), ',' ORDER BY p."date", p."amount_cents", p."source_id")
     FROM "payments" p WHERE p."contract_row_id" = c."id"))::text) AS "fingerprint",
  row_number() OVER (PARTITION BY m."history_member_id" ORDER BY m."id", c."id") AS "seq",
  c."contract_id" AS "new_id", false AS "renamed"
FROM "contracts" c JOIN "members" m ON m."id" = c."member_id"
WHERE m."history_member_id" IS NOT NULL;
--> statement-breakpoint
-- hand-written: a copy identical to an earlier one (same id, same everything) goes.
DELETE FROM "contracts" WHERE "id" IN (
  SELECT later."row_id" FROM "merge_contracts" later JOIN "merge_contracts" earlier
    ON earlier."owner" = later."owner" AND earlier."lid" = later."lid" AND earlier."fingerprint" = later."fingerprint" AND earlier."seq" < later."seq");
--> statement-breakpoint
DELETE FROM "merge_contracts" WHERE "row_id" NOT IN (SELECT "id" FROM "contracts");
--> statement-breakpoint
-- hand-written: a differing copy under an id already taken is renamed c1-2, c1-3… (c1-<row> if that too is taken).
UPDATE "merge_contracts" t SET "new_id" = t."contract_id" || '-' || r."n"::text, "renamed" = true
FROM (SELECT "row_id", row_number() OVER (PARTITION BY "owner", "lid" ORDER BY "seq") AS "n" FROM "merge_contracts") r
WHERE r."row_id" = t."row_id" AND r."n" > 1;
--> statement-breakpoint
UPDATE "merge_contracts" t SET "new_id" = t."contract_id" || '-' || t."row_id"::text
WHERE t."renamed" AND EXISTS (SELECT 1 FROM "merge_contracts" o WHERE o."owner" = t."owner" AND o."row_id" <> t."row_id" AND lower(o."new_id") = lower(t."new_id"));
--> statement-breakpoint
-- hand-written: one contract a person per Upwork contract number: a later copy's number is dropped (it is marked for checking).
UPDATE "merge_contracts" t SET "upwork_contract" = NULL, "renamed" = true
WHERE t."upwork_contract" IS NOT NULL AND EXISTS (SELECT 1 FROM "merge_contracts" o WHERE o."owner" = t."owner" AND o."upwork_contract" = t."upwork_contract" AND o."seq" < t."seq");
--> statement-breakpoint
UPDATE "contracts" c SET "contract_id" = t."new_id", "upwork_contract" = t."upwork_contract" FROM "merge_contracts" t WHERE t."row_id" = c."id" AND t."renamed";
--> statement-breakpoint
UPDATE "contracts" c SET "member_id" = t."owner" FROM "merge_contracts" t WHERE t."row_id" = c."id";
--> statement-breakpoint
UPDATE "members" h SET "merged_copies" = t."ids"
FROM (SELECT "owner", array_agg("new_id" ORDER BY "seq") AS "ids" FROM "merge_contracts" WHERE "renamed" GROUP BY "owner") t
WHERE h."id" = t."owner";
--> statement-breakpoint
-- hand-written: recorded scores merged by date (the latest reading of a day wins).
INSERT INTO "observations" ("member_id", "date", "score", "longterm", "created_at", "updated_at")
SELECT DISTINCT ON (m."history_member_id", o."date") m."history_member_id", o."date", o."score", o."longterm", o."created_at", o."updated_at"
FROM "observations" o JOIN "members" m ON m."id" = o."member_id"
WHERE m."history_member_id" IS NOT NULL
ORDER BY m."history_member_id", o."date", o."updated_at" DESC, o."member_id" DESC
ON CONFLICT ("member_id", "date") DO NOTHING;
--> statement-breakpoint
DELETE FROM "observations" o USING "members" m WHERE m."id" = o."member_id" AND m."history_member_id" IS NOT NULL;
--> statement-breakpoint
-- hand-written: what was per server copy and is the person's now. Undo snapshots, cached charts
-- and confirmations are short-lived and named the old rows: they go. Pending reminders of server
-- rows go (the person's row is enqueued instead); their snapshots are recomputed.
UPDATE "members" SET "reminders_opt_in" = false, "time_zone" = NULL, "time_zone_fetched_at" = NULL WHERE "history_member_id" IS NOT NULL;
--> statement-breakpoint
DELETE FROM "undo_snapshots" s USING "members" m WHERE m."id" = s."member_id" AND m."history_member_id" IS NOT NULL;
--> statement-breakpoint
DELETE FROM "chart_cache" s USING "members" m WHERE m."id" = s."member_id" AND m."history_member_id" IS NOT NULL;
--> statement-breakpoint
DELETE FROM "confirmations" s USING "members" m WHERE m."id" = s."member_id" AND m."history_member_id" IS NOT NULL;
--> statement-breakpoint
DELETE FROM "reminder_deliveries" s USING "members" m WHERE m."id" = s."member_id" AND m."history_member_id" IS NOT NULL AND s."status" = 'pending';
--> statement-breakpoint
UPDATE "score_snapshots" s SET "valid_until" = '1970-01-01', "next_score" = NULL, "next_window" = NULL, "next_long_term_percent" = NULL, "next_outcomes" = NULL, "next_valid_until" = NULL, "expired_at" = coalesce(s."expired_at", now())
FROM "members" m WHERE m."id" = s."member_id" AND m."history_member_id" IS NOT NULL;
--> statement-breakpoint
DROP TABLE "merge_contracts";

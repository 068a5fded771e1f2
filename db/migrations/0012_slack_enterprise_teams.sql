CREATE TABLE "slack_enterprise_teams" (
	"team_id" text PRIMARY KEY NOT NULL,
	"enterprise_id" text NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "slack_enterprise_teams_enterprise_idx" ON "slack_enterprise_teams" USING btree ("enterprise_id");
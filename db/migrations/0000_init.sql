CREATE TABLE "communities" (
	"id" serial PRIMARY KEY NOT NULL,
	"platform" text NOT NULL,
	"external_id" text NOT NULL,
	"name" text,
	"model" text DEFAULT 'upwork-2025' NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"leaderboard_enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "communities_platform_external_id_key" UNIQUE("platform","external_id"),
	CONSTRAINT "communities_platform_check" CHECK ("communities"."platform" in ('console', 'slack', 'discord')),
	CONSTRAINT "communities_model_check" CHECK ("communities"."model" in ('upwork-2025', 'upwork-2015'))
);
--> statement-breakpoint
CREATE TABLE "confirmations" (
	"member_id" integer NOT NULL,
	"action" text NOT NULL,
	"code" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "confirmations_pkey" PRIMARY KEY("member_id","action")
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"contract_id" text NOT NULL,
	"client" text NOT NULL,
	"type" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"earnings_cents" bigint,
	"last_payment" date,
	"stars" double precision,
	"private_score" double precision,
	"end_reason" text,
	"disputed" boolean DEFAULT false NOT NULL,
	"refunded" boolean DEFAULT false NOT NULL,
	"client_flagged" boolean DEFAULT false NOT NULL,
	"paused_for_client" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contracts_type_check" CHECK ("contracts"."type" in ('hourly', 'fixed')),
	CONSTRAINT "contracts_end_after_start_check" CHECK ("contracts"."end_date" >= "contracts"."start_date"),
	CONSTRAINT "contracts_earnings_check" CHECK ("contracts"."earnings_cents" >= 0),
	CONSTRAINT "contracts_stars_check" CHECK ("contracts"."stars" between 1 and 5),
	CONSTRAINT "contracts_private_score_check" CHECK ("contracts"."private_score" between 0 and 10),
	CONSTRAINT "contracts_end_reason_check" CHECK ("contracts"."end_reason" in ('completed', 'cancelled', 'client_unresponsive', 'other'))
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" serial PRIMARY KEY NOT NULL,
	"community_id" integer NOT NULL,
	"platform_user_id" text NOT NULL,
	"display_name" text NOT NULL,
	"leaderboard_opt_in" boolean DEFAULT false NOT NULL,
	"reminders_opt_in" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "members_community_id_platform_user_id_key" UNIQUE("community_id","platform_user_id")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"contract_row_id" bigint NOT NULL,
	"date" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	CONSTRAINT "payments_amount_check" CHECK ("payments"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "processed_requests" (
	"community_id" integer NOT NULL,
	"request_id" text NOT NULL,
	"reply" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processed_requests_pkey" PRIMARY KEY("community_id","request_id")
);
--> statement-breakpoint
CREATE TABLE "score_snapshots" (
	"member_id" integer PRIMARY KEY NOT NULL,
	"model" text NOT NULL,
	"score" integer,
	"window" text,
	"long_term_percent" integer,
	"outcomes" integer NOT NULL,
	"computed_on" date NOT NULL,
	"valid_until" date NOT NULL,
	CONSTRAINT "score_snapshots_model_check" CHECK ("score_snapshots"."model" in ('upwork-2025', 'upwork-2015'))
);
--> statement-breakpoint
ALTER TABLE "confirmations" ADD CONSTRAINT "confirmations_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_contract_row_id_contracts_id_fk" FOREIGN KEY ("contract_row_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processed_requests" ADD CONSTRAINT "processed_requests_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_snapshots" ADD CONSTRAINT "score_snapshots_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_member_id_lower_contract_id_key" ON "contracts" USING btree ("member_id",lower("contract_id"));--> statement-breakpoint
CREATE INDEX "payments_contract_row_id_idx" ON "payments" USING btree ("contract_row_id");--> statement-breakpoint
CREATE INDEX "score_snapshots_valid_until_idx" ON "score_snapshots" USING btree ("valid_until");
CREATE TABLE "observations" (
	"member_id" integer NOT NULL,
	"date" date NOT NULL,
	"score" integer NOT NULL,
	"longterm" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observations_pkey" PRIMARY KEY("member_id","date"),
	CONSTRAINT "observations_score_check" CHECK ("observations"."score" between 0 and 100),
	CONSTRAINT "observations_longterm_check" CHECK ("observations"."longterm" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "counted" text;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_counted_check" CHECK ("contracts"."counted" in ('success', 'neutral', 'negative', 'excluded'));
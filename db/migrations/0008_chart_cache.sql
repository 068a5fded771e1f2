CREATE TABLE "chart_cache" (
	"member_id" integer NOT NULL,
	"key" text NOT NULL,
	"png" "bytea" NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"valid_until" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chart_cache_pkey" PRIMARY KEY("member_id","key")
);
--> statement-breakpoint
ALTER TABLE "chart_cache" ADD CONSTRAINT "chart_cache_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chart_cache_valid_until_idx" ON "chart_cache" USING btree ("valid_until");
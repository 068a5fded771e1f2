CREATE TABLE "home_tabs" (
	"member_id" integer PRIMARY KEY NOT NULL,
	"valid_until" date NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "home_tabs" ADD CONSTRAINT "home_tabs_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "home_tabs_valid_until_idx" ON "home_tabs" USING btree ("valid_until");
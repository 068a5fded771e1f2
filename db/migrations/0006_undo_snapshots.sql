CREATE TABLE "undo_snapshots" (
	"member_id" integer PRIMARY KEY NOT NULL,
	"change" text NOT NULL,
	"contracts" jsonb NOT NULL,
	"payments" jsonb NOT NULL,
	"after_contracts" jsonb,
	"after_payments" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "undo_snapshots" ADD CONSTRAINT "undo_snapshots_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "undo_snapshots_expires_at_idx" ON "undo_snapshots" USING btree ("expires_at");
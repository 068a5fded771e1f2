ALTER TABLE "contracts" ADD COLUMN "upwork_contract" text;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "upwork_title" text;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "refund_sources" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "source_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_member_id_upwork_contract_key" ON "contracts" USING btree ("member_id","upwork_contract");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_contract_row_id_source_id_key" ON "payments" USING btree ("contract_row_id","source_id");
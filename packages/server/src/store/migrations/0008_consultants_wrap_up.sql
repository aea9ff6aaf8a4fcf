CREATE TABLE "disposition_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conversation_participants" ADD COLUMN "may_message_customer" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "disposition_code_id" uuid;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "wrap_up_note" text;--> statement-breakpoint
ALTER TABLE "disposition_codes" ADD CONSTRAINT "disposition_codes_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "disposition_codes_org_name_key" ON "disposition_codes" USING btree ("org_id","name");--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_disposition_code_id_disposition_codes_id_fk" FOREIGN KEY ("disposition_code_id") REFERENCES "public"."disposition_codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "handoffs_pending_conversation_idx" ON "handoffs" USING btree ("conversation_id") WHERE "handoffs"."status" = 'pending';
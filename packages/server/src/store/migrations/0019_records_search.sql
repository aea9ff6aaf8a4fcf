CREATE INDEX "accounts_org_name_c_idx" ON "accounts" USING btree ("org_id",lower("name") collate "C","id");--> statement-breakpoint
CREATE INDEX "cases_org_created_idx" ON "cases" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "contacts_org_name_c_idx" ON "contacts" USING btree ("org_id",lower("name") collate "C","id");--> statement-breakpoint
CREATE INDEX "contacts_org_email_c_idx" ON "contacts" USING btree ("org_id",lower("email") collate "C");--> statement-breakpoint
CREATE INDEX "conversations_contact_idx" ON "conversations" USING btree ("contact_id","created_at") WHERE "conversations"."contact_id" is not null;--> statement-breakpoint
CREATE INDEX "conversations_account_idx" ON "conversations" USING btree ("account_id","created_at") WHERE "conversations"."account_id" is not null;
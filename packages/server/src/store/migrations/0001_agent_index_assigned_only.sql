DROP INDEX "conversations_agent_idx";--> statement-breakpoint
CREATE INDEX "conversations_agent_idx" ON "conversations" USING btree ("agent_id","state") WHERE "conversations"."agent_id" is not null;
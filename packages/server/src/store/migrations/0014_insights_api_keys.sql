CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "insight_facts" (
	"conversation_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"facts" jsonb NOT NULL,
	"folded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insight_pending" (
	"org_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "insight_pending_conversation_id_pk" PRIMARY KEY("conversation_id")
);
--> statement-breakpoint
CREATE TABLE "insight_queue_rollups" (
	"org_id" uuid NOT NULL,
	"grain" text NOT NULL,
	"period" timestamp with time zone NOT NULL,
	"queue_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"conversations_in" bigint DEFAULT 0 NOT NULL,
	"offered" bigint DEFAULT 0 NOT NULL,
	"answered" bigint DEFAULT 0 NOT NULL,
	"answer_wait_ms" bigint DEFAULT 0 NOT NULL,
	"answered_within_10" bigint DEFAULT 0 NOT NULL,
	"answered_within_20" bigint DEFAULT 0 NOT NULL,
	"answered_within_30" bigint DEFAULT 0 NOT NULL,
	"answered_within_40" bigint DEFAULT 0 NOT NULL,
	"answered_within_60" bigint DEFAULT 0 NOT NULL,
	"answered_within_120" bigint DEFAULT 0 NOT NULL,
	"abandoned" bigint DEFAULT 0 NOT NULL,
	"abandon_wait_ms" bigint DEFAULT 0 NOT NULL,
	"abandoned_short" bigint DEFAULT 0 NOT NULL,
	"abandoned_within_10" bigint DEFAULT 0 NOT NULL,
	"abandoned_within_20" bigint DEFAULT 0 NOT NULL,
	"abandoned_within_30" bigint DEFAULT 0 NOT NULL,
	"abandoned_within_40" bigint DEFAULT 0 NOT NULL,
	"abandoned_within_60" bigint DEFAULT 0 NOT NULL,
	"abandoned_within_120" bigint DEFAULT 0 NOT NULL,
	"first_responses" bigint DEFAULT 0 NOT NULL,
	"first_response_ms" bigint DEFAULT 0 NOT NULL,
	"first_responses_within_target" bigint DEFAULT 0 NOT NULL,
	"sessions_offered" bigint DEFAULT 0 NOT NULL,
	"sessions_accepted" bigint DEFAULT 0 NOT NULL,
	"sessions_rejected" bigint DEFAULT 0 NOT NULL,
	"sessions_timed_out" bigint DEFAULT 0 NOT NULL,
	"sessions_transferred_out" bigint DEFAULT 0 NOT NULL,
	"accept_ms" bigint DEFAULT 0 NOT NULL,
	"reject_ms" bigint DEFAULT 0 NOT NULL,
	"handled_contacts" bigint DEFAULT 0 NOT NULL,
	"handle_ms" bigint DEFAULT 0 NOT NULL,
	"wrap_ups" bigint DEFAULT 0 NOT NULL,
	"wrap_up_ms" bigint DEFAULT 0 NOT NULL,
	"csat_responses" bigint DEFAULT 0 NOT NULL,
	"csat_satisfied" bigint DEFAULT 0 NOT NULL,
	"csat_score_sum" bigint DEFAULT 0 NOT NULL,
	"sentiment_very_negative" bigint DEFAULT 0 NOT NULL,
	"sentiment_negative" bigint DEFAULT 0 NOT NULL,
	"sentiment_slightly_negative" bigint DEFAULT 0 NOT NULL,
	"sentiment_neutral" bigint DEFAULT 0 NOT NULL,
	"sentiment_slightly_positive" bigint DEFAULT 0 NOT NULL,
	"sentiment_positive" bigint DEFAULT 0 NOT NULL,
	"sentiment_very_positive" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "insight_queue_rollups_org_id_grain_period_queue_id_channel_pk" PRIMARY KEY("org_id","grain","period","queue_id","channel")
);
--> statement-breakpoint
CREATE TABLE "insight_rollups" (
	"org_id" uuid NOT NULL,
	"grain" text NOT NULL,
	"period" timestamp with time zone NOT NULL,
	"queue_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"agent_id" uuid NOT NULL,
	"conversations_in" bigint DEFAULT 0 NOT NULL,
	"offered" bigint DEFAULT 0 NOT NULL,
	"answered" bigint DEFAULT 0 NOT NULL,
	"answer_wait_ms" bigint DEFAULT 0 NOT NULL,
	"answered_within_10" bigint DEFAULT 0 NOT NULL,
	"answered_within_20" bigint DEFAULT 0 NOT NULL,
	"answered_within_30" bigint DEFAULT 0 NOT NULL,
	"answered_within_40" bigint DEFAULT 0 NOT NULL,
	"answered_within_60" bigint DEFAULT 0 NOT NULL,
	"answered_within_120" bigint DEFAULT 0 NOT NULL,
	"abandoned" bigint DEFAULT 0 NOT NULL,
	"abandon_wait_ms" bigint DEFAULT 0 NOT NULL,
	"abandoned_short" bigint DEFAULT 0 NOT NULL,
	"abandoned_within_10" bigint DEFAULT 0 NOT NULL,
	"abandoned_within_20" bigint DEFAULT 0 NOT NULL,
	"abandoned_within_30" bigint DEFAULT 0 NOT NULL,
	"abandoned_within_40" bigint DEFAULT 0 NOT NULL,
	"abandoned_within_60" bigint DEFAULT 0 NOT NULL,
	"abandoned_within_120" bigint DEFAULT 0 NOT NULL,
	"first_responses" bigint DEFAULT 0 NOT NULL,
	"first_response_ms" bigint DEFAULT 0 NOT NULL,
	"first_responses_within_target" bigint DEFAULT 0 NOT NULL,
	"sessions_offered" bigint DEFAULT 0 NOT NULL,
	"sessions_accepted" bigint DEFAULT 0 NOT NULL,
	"sessions_rejected" bigint DEFAULT 0 NOT NULL,
	"sessions_timed_out" bigint DEFAULT 0 NOT NULL,
	"sessions_transferred_out" bigint DEFAULT 0 NOT NULL,
	"accept_ms" bigint DEFAULT 0 NOT NULL,
	"reject_ms" bigint DEFAULT 0 NOT NULL,
	"handled_contacts" bigint DEFAULT 0 NOT NULL,
	"handle_ms" bigint DEFAULT 0 NOT NULL,
	"wrap_ups" bigint DEFAULT 0 NOT NULL,
	"wrap_up_ms" bigint DEFAULT 0 NOT NULL,
	"csat_responses" bigint DEFAULT 0 NOT NULL,
	"csat_satisfied" bigint DEFAULT 0 NOT NULL,
	"csat_score_sum" bigint DEFAULT 0 NOT NULL,
	"sentiment_very_negative" bigint DEFAULT 0 NOT NULL,
	"sentiment_negative" bigint DEFAULT 0 NOT NULL,
	"sentiment_slightly_negative" bigint DEFAULT 0 NOT NULL,
	"sentiment_neutral" bigint DEFAULT 0 NOT NULL,
	"sentiment_slightly_positive" bigint DEFAULT 0 NOT NULL,
	"sentiment_positive" bigint DEFAULT 0 NOT NULL,
	"sentiment_very_positive" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "insight_rollups_org_id_grain_period_queue_id_channel_agent_id_pk" PRIMARY KEY("org_id","grain","period","queue_id","channel","agent_id")
);
--> statement-breakpoint
ALTER TABLE "org_settings" ADD COLUMN "reporting_time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_facts" ADD CONSTRAINT "insight_facts_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_facts" ADD CONSTRAINT "insight_facts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_pending" ADD CONSTRAINT "insight_pending_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_pending" ADD CONSTRAINT "insight_pending_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_queue_rollups" ADD CONSTRAINT "insight_queue_rollups_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_rollups" ADD CONSTRAINT "insight_rollups_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_prefix_key" ON "api_keys" USING btree ("prefix");--> statement-breakpoint
CREATE INDEX "api_keys_user_idx" ON "api_keys" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "insight_pending_at_idx" ON "insight_pending" USING btree ("at");--> statement-breakpoint
-- Conversations closed before the reporting model existed are folded in by the projector's first runs.
INSERT INTO "insight_pending" ("org_id", "conversation_id", "at")
SELECT "org_id", "id", coalesce("closed_at", "updated_at") FROM "conversations" WHERE "state" = 'closed';

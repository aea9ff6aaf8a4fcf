ALTER TABLE "conversations" ADD COLUMN "sentiment_recent" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "sentiment_level" text;--> statement-breakpoint
ALTER TABLE "org_settings" ADD COLUMN "sentiment_enabled" boolean DEFAULT true NOT NULL;
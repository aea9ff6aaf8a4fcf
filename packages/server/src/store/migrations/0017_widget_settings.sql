CREATE TABLE "conversation_surveys" (
	"conversation_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"rating" integer NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resume_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "widgets" ADD COLUMN "appearance" jsonb;--> statement-breakpoint
ALTER TABLE "widgets" ADD COLUMN "prechat_survey" jsonb;--> statement-breakpoint
ALTER TABLE "widgets" ADD COLUMN "post_chat_survey" jsonb;--> statement-breakpoint
ALTER TABLE "widgets" ADD COLUMN "operating_hours_id" uuid;--> statement-breakpoint
ALTER TABLE "conversation_surveys" ADD CONSTRAINT "conversation_surveys_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_surveys" ADD CONSTRAINT "conversation_surveys_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resume_links" ADD CONSTRAINT "resume_links_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resume_links" ADD CONSTRAINT "resume_links_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "widgets" ADD CONSTRAINT "widgets_operating_hours_id_operating_hours_id_fk" FOREIGN KEY ("operating_hours_id") REFERENCES "public"."operating_hours"("id") ON DELETE set null ON UPDATE no action;
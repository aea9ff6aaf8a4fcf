CREATE TABLE "automated_messages" (
	"org_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"trigger" text NOT NULL,
	"enabled" boolean NOT NULL,
	"bodies" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "automated_messages_org_id_channel_trigger_pk" PRIMARY KEY("org_id","channel","trigger")
);
--> statement-breakpoint
ALTER TABLE "automated_messages" ADD CONSTRAINT "automated_messages_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;
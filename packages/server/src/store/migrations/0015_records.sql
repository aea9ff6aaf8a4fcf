CREATE TABLE "journey_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"language" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"keywords" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (case language when 'nl' then
        setweight(to_tsvector('dutch'::regconfig, title), 'A') ||
        setweight(to_tsvector('dutch'::regconfig, keywords), 'B') || to_tsvector('dutch'::regconfig, body)
      when 'fr' then
        setweight(to_tsvector('french'::regconfig, title), 'A') ||
        setweight(to_tsvector('french'::regconfig, keywords), 'B') || to_tsvector('french'::regconfig, body)
      else
        setweight(to_tsvector('english'::regconfig, title), 'A') ||
        setweight(to_tsvector('english'::regconfig, keywords), 'B') || to_tsvector('english'::regconfig, body)
      end) STORED
);
--> statement-breakpoint
CREATE TABLE "record_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"contact_id" uuid,
	"account_id" uuid,
	"case_id" uuid,
	"conversation_id" uuid,
	"actor_id" uuid,
	"summary" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"contact_id" uuid,
	"account_id" uuid,
	"case_id" uuid,
	"conversation_id" uuid,
	"body" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "category" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "relationship_type" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "number" integer;--> statement-breakpoint
UPDATE "cases" SET "number" = n.rn + 1000 FROM (
  SELECT "id", row_number() OVER (PARTITION BY "org_id" ORDER BY "created_at", "id") AS rn FROM "cases"
) n WHERE n."id" = "cases"."id";--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "number" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "product" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "owner_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "category" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "relationship_type" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "preferred_contact_method" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "account_id" uuid;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "case_id" uuid;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "authenticated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "visitor" jsonb;--> statement-breakpoint
ALTER TABLE "journey_actions" ADD CONSTRAINT "journey_actions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_actions" ADD CONSTRAINT "journey_actions_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_activities" ADD CONSTRAINT "record_activities_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_activities" ADD CONSTRAINT "record_activities_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_activities" ADD CONSTRAINT "record_activities_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_activities" ADD CONSTRAINT "record_activities_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_activities" ADD CONSTRAINT "record_activities_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_activities" ADD CONSTRAINT "record_activities_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_notes" ADD CONSTRAINT "record_notes_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_notes" ADD CONSTRAINT "record_notes_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_notes" ADD CONSTRAINT "record_notes_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_notes" ADD CONSTRAINT "record_notes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_notes" ADD CONSTRAINT "record_notes_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_notes" ADD CONSTRAINT "record_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "journey_actions_conversation_idx" ON "journey_actions" USING btree ("conversation_id","at");--> statement-breakpoint
CREATE INDEX "knowledge_articles_search_idx" ON "knowledge_articles" USING gin ("search");--> statement-breakpoint
CREATE INDEX "knowledge_articles_org_idx" ON "knowledge_articles" USING btree ("org_id","language","updated_at");--> statement-breakpoint
CREATE INDEX "record_activities_contact_idx" ON "record_activities" USING btree ("contact_id","created_at") WHERE "record_activities"."contact_id" is not null;--> statement-breakpoint
CREATE INDEX "record_activities_account_idx" ON "record_activities" USING btree ("account_id","created_at") WHERE "record_activities"."account_id" is not null;--> statement-breakpoint
CREATE INDEX "record_activities_case_idx" ON "record_activities" USING btree ("case_id","created_at") WHERE "record_activities"."case_id" is not null;--> statement-breakpoint
CREATE INDEX "record_notes_contact_idx" ON "record_notes" USING btree ("contact_id","created_at") WHERE "record_notes"."contact_id" is not null;--> statement-breakpoint
CREATE INDEX "record_notes_account_idx" ON "record_notes" USING btree ("account_id","created_at") WHERE "record_notes"."account_id" is not null;--> statement-breakpoint
CREATE INDEX "record_notes_case_idx" ON "record_notes" USING btree ("case_id","created_at") WHERE "record_notes"."case_id" is not null;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_org_name_idx" ON "accounts" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_org_external_key" ON "accounts" USING btree ("org_id","external_id") WHERE "accounts"."external_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "cases_org_number_key" ON "cases" USING btree ("org_id","number");--> statement-breakpoint
CREATE INDEX "cases_contact_idx" ON "cases" USING btree ("contact_id","status") WHERE "cases"."contact_id" is not null;--> statement-breakpoint
CREATE INDEX "cases_account_idx" ON "cases" USING btree ("account_id","status") WHERE "cases"."account_id" is not null;--> statement-breakpoint
CREATE INDEX "contacts_org_name_idx" ON "contacts" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE INDEX "contacts_account_idx" ON "contacts" USING btree ("account_id") WHERE "contacts"."account_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_org_external_key" ON "contacts" USING btree ("org_id","external_id") WHERE "contacts"."external_id" is not null;
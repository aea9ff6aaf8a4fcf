ALTER TABLE "conversations" ADD COLUMN "callback_queue_id" uuid;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "callback_id" uuid;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_callback_queue_id_queues_id_fk" FOREIGN KEY ("callback_queue_id") REFERENCES "public"."queues"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_callback_id_callbacks_id_fk" FOREIGN KEY ("callback_id") REFERENCES "public"."callbacks"("id") ON DELETE no action ON UPDATE no action;
-- Staff notifications: external delivery (e-mail, WhatsApp) may be held for quiet hours or the
-- daily digest. held_until is when the held copy is due (null: nothing held); delivered_at is when
-- it left through the outbox (alone or inside a digest).
ALTER TABLE "notifications" ADD COLUMN "held_until" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "delivered_at" timestamp with time zone;
--> statement-breakpoint
CREATE INDEX "notifications_held_idx" ON "notifications" USING btree ("held_until") WHERE "held_until" IS NOT NULL;

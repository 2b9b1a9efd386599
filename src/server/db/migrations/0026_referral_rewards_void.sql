DROP INDEX "referral_rewards_interest_kind_idx";--> statement-breakpoint
ALTER TABLE "referral_rewards" ADD COLUMN "voided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "referral_rewards" ADD COLUMN "void_reason" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Before the unique index: void (never delete) the entitlements that no longer hold, so that at
-- most one live reward of a kind remains per prospect. (1) Rewards of an owner who is no longer
-- the prospect's referrer (changed or cleared); (2) duplicates of a kind, keeping a paid one, else
-- the earliest; (3) contract rewards whose prospect no longer holds a contract (退房).
UPDATE "referral_rewards" rr SET "status" = 'void', "voided_at" = now(), "void_reason" = '推荐业主已变更或清除（数据修正）'
FROM "project_interests" pi
WHERE pi."id" = rr."interest_id" AND rr."status" = 'entitled' AND pi."referrer_customer_id" IS DISTINCT FROM rr."referrer_customer_id";--> statement-breakpoint
UPDATE "referral_rewards" rr SET "status" = 'void', "voided_at" = now(), "void_reason" = '重复的奖励（数据修正）'
FROM (SELECT "id", row_number() OVER (PARTITION BY "interest_id", "kind" ORDER BY ("status" = 'paid') DESC, "created_at", "id") AS n FROM "referral_rewards" WHERE "status" <> 'void') d
WHERE d."id" = rr."id" AND d.n > 1;--> statement-breakpoint
UPDATE "referral_rewards" rr SET "status" = 'void', "voided_at" = now(), "void_reason" = '签约已退房（数据修正）'
WHERE rr."kind" = 'deal' AND rr."status" = 'entitled'
  AND NOT EXISTS (SELECT 1 FROM "deals" d WHERE d."interest_id" = rr."interest_id" AND d."status" = 'active' AND d."stage" = 'contract');--> statement-breakpoint
CREATE UNIQUE INDEX "referral_rewards_interest_kind_key" ON "referral_rewards" USING btree ("interest_id","kind") WHERE status <> 'void';
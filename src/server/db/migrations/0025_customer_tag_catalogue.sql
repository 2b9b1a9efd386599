CREATE TABLE "customer_tags" (
	"id" uuid PRIMARY KEY NOT NULL,
	"category" text NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "customer_tags_name_key" ON "customer_tags" USING btree ("name");
--> statement-breakpoint
-- The default catalogue (a realistic set for a residential developer's sales floor).
INSERT INTO "customer_tags" ("id", "category", "name", "sort_order", "created_at", "updated_at")
SELECT gen_random_uuid(), v.category, v.name, v.sort_order, now(), now()
FROM (VALUES
  ('关注点', '学区', 1),
  ('关注点', '地铁', 2),
  ('关注点', '交通便利', 3),
  ('关注点', '商业配套', 4),
  ('关注点', '医疗配套', 5),
  ('关注点', '园林景观', 6),
  ('关注点', '物业服务', 7),
  ('关注点', '品牌开发商', 8),
  ('关注点', '得房率', 9),
  ('关注点', '车位', 10),
  ('关注点', '性价比', 11),
  ('购房偏好', '首套', 101),
  ('购房偏好', '首置', 102),
  ('购房偏好', '改善', 103),
  ('购房偏好', '投资', 104),
  ('购房偏好', '大平层', 105),
  ('购房偏好', '小户型', 106),
  ('购房偏好', '高楼层', 107),
  ('购房偏好', '低楼层', 108),
  ('购房偏好', '南北通透', 109),
  ('购房偏好', '精装修', 110),
  ('购房偏好', '现房', 111),
  ('购房偏好', '一次性付款', 112),
  ('购房偏好', '公积金贷款', 113),
  ('家庭', '新婚', 201),
  ('家庭', '二孩家庭', 202),
  ('家庭', '三代同堂', 203),
  ('家庭', '有老人同住', 204),
  ('家庭', '子女上学', 205),
  ('家庭', '单身', 206),
  ('家庭', '养宠物', 207),
  ('渠道偏好', '微信沟通', 301),
  ('渠道偏好', '电话沟通', 302),
  ('渠道偏好', '工作日联系', 303),
  ('渠道偏好', '周末看房', 304),
  ('渠道偏好', '勿电话打扰', 305),
  ('客户特征', '高意向', 401),
  ('客户特征', '价格敏感', 402),
  ('客户特征', '决策周期长', 403),
  ('客户特征', '外地客户', 404),
  ('客户特征', '老带新', 405),
  ('客户特征', '已看样板间', 406),
  ('客户特征', '需陪同家人', 407)
) AS v(category, name, sort_order)
ON CONFLICT ("name") DO NOTHING;
--> statement-breakpoint
-- Tags already on customers stay valid: each one not in the default set joins the catalogue
-- under 其他, after the defaults.
INSERT INTO "customer_tags" ("id", "category", "name", "sort_order", "created_at", "updated_at")
SELECT gen_random_uuid(), '其他', t.name, 900 + (row_number() OVER (ORDER BY t.name))::integer, now(), now()
FROM (SELECT DISTINCT unnest("tags") AS name FROM "customers") AS t
WHERE t.name <> ''
ON CONFLICT ("name") DO NOTHING;

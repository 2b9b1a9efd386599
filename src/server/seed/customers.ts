import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Grade, InteractionType, SourceChannel, Stage } from '../../common/customers.ts';
import type { Db } from '../db/client.ts';
import { DAY } from '../platform/clock.ts';
import { customers, customerTags, interactions, interestEvents, projectInterests } from '../modules/customers/tables.ts';
import { DEFAULT_SALES_SETTINGS, nameSearchKeys, nextFollowUpDue } from '../modules/customers/rules.ts';

// Typed seed factory for prospects: a customer with one project interest, optional follow-ups.
export type SeedProspectInput = {
  name: string;
  mobile: string;
  project: { id: string; companyId: string };
  owner: { id: string; name: string; teamId: string | null } | null;
  sourceChannel?: SourceChannel;
  stage?: Stage;
  grade?: Grade;
  tags?: string[];
  buyerType?: string | null;
  familySegment?: string | null;
  assignedAt?: Date;
  interactions?: { type: InteractionType; at: Date; content: string }[];
  poolReason?: string;
};

export async function seedProspect(db: Db, input: SeedProspectInput) {
  const assignedAt = input.assignedAt ?? new Date();
  const keys = nameSearchKeys(input.name);
  const customer = {
    id: uuidv7(), name: input.name, namePinyin: keys.pinyin, nameInitials: keys.initials, mobile: input.mobile, mobileTail: input.mobile.slice(-4),
    sourceChannel: input.sourceChannel ?? 'walk_in', tags: input.tags ?? [], buyerType: input.buyerType ?? null, familySegment: input.familySegment ?? null,
    createdBy: input.owner?.id ?? null, createdAt: assignedAt, updatedAt: assignedAt,
  };
  await db.insert(customers).values(customer);
  const grade = input.grade ?? 'B';
  const acts = [...(input.interactions ?? [])].sort((a, b) => a.at.getTime() - b.at.getTime());
  const last = acts.at(-1)?.at ?? null;
  const open = !['lost', 'owner'].includes(input.stage ?? 'potential') && input.owner !== null;
  const interest = {
    id: uuidv7(), companyId: input.project.companyId, projectId: input.project.id, customerId: customer.id, ownerId: input.owner?.id ?? null, ownerTeamId: input.owner?.teamId ?? null,
    channel: customer.sourceChannel, stage: input.stage ?? 'potential', grade, inPool: input.owner === null, poolReason: input.poolReason ?? '',
    lastContactAt: last, nextFollowUpAt: open ? nextFollowUpDue(last ?? assignedAt, grade, DEFAULT_SALES_SETTINGS) : null, assignedAt, createdAt: assignedAt, updatedAt: assignedAt,
  };
  await db.insert(projectInterests).values(interest);
  const actor = { actorId: input.owner?.id ?? null, actorName: input.owner?.name ?? '系统' };
  await db.insert(interestEvents).values([
    { id: uuidv7(), companyId: interest.companyId, interestId: interest.id, customerId: customer.id, type: 'created', toValue: interest.stage, at: assignedAt, ...actor },
    ...(input.owner ? [{ id: uuidv7(), companyId: interest.companyId, interestId: interest.id, customerId: customer.id, type: 'owner', toValue: input.owner.name, reason: '新建客户', at: assignedAt, ...actor }] : []),
  ]);
  if (acts.length && input.owner) {
    await db.insert(interactions).values(
      acts.map((a) => ({
        id: uuidv7(), companyId: interest.companyId, projectId: interest.projectId, interestId: interest.id, customerId: customer.id, type: a.type, occurredAt: a.at, content: a.content,
        reaction: 'neutral', nextAction: '', nextDueAt: nextFollowUpDue(a.at, grade, DEFAULT_SALES_SETTINGS), createdBy: input.owner!.id, createdByName: input.owner!.name, createdAt: a.at,
      })),
    );
  }
  return { customer, interest };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '强', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀英', '桂英', '建华', '晓东', '雨桐', '梓涵', '子轩', '思远', '浩然'];
const CHANNELS: SourceChannel[] = ['walk_in', 'old_customer', 'owner_referral', 'hotline', 'portal', 'broker', 'magazine', 'newspaper', 'event', 'outdoor'];
const NOTES = ['到访售楼处，看了样板间，关注学区', '电话沟通付款方式，倾向公积金组合贷', '微信发送了户型图和价格表', '带家人二次到访，比较了两个户型', '询问交房时间和物业费', '参加了暖场活动，对园林很满意'];

// The demo customers' tags, all from the tag catalogue (migration 0025 seeds its default set;
// seedDemoTagCatalogue makes sure each one is there and active even in a changed catalogue).
const DEMO_TAGS: Record<string, string> = {
  学区: '关注点', 地铁: '关注点', 园林景观: '关注点', 首套: '购房偏好', 改善: '购房偏好', 投资: '购房偏好', 大平层: '购房偏好',
  二孩家庭: '家庭', 三代同堂: '家庭', 周末看房: '渠道偏好', 微信沟通: '渠道偏好', 高意向: '客户特征', 价格敏感: '客户特征',
};
const DEMO_TAG_SETS = [['学区', '改善'], ['首套', '微信沟通'], ['投资', '地铁'], [], ['二孩家庭', '学区', '周末看房'], ['大平层', '高意向'], ['首套', '价格敏感'], ['三代同堂', '园林景观']];

export async function seedDemoTagCatalogue(db: Db, now = new Date()) {
  await db
    .insert(customerTags)
    .values(Object.entries(DEMO_TAGS).map(([name, category], i) => ({ id: uuidv7(), category, name, sortOrder: 500 + i, createdAt: now, updatedAt: now })))
    .onConflictDoUpdate({ target: customerTags.name, set: { active: true }, setWhere: sql`NOT ${customerTags.active}` });
}

// Demo prospects for a project: a realistic mix of grades, stages, due dates and a few in the pool.
export async function seedDemoProspects(db: Db, project: { id: string; companyId: string }, owners: { id: string; name: string; teamId: string | null }[], count: number, mobileBase: number, now = new Date()) {
  await seedDemoTagCatalogue(db, now);
  for (let i = 0; i < count; i++) {
    const name = SURNAMES[(i * 7) % SURNAMES.length] + GIVEN[(i * 5) % GIVEN.length];
    const pooled = i % 17 === 16;
    const daysAgo = (i * 3) % 20;
    const grade: Grade = (['A', 'B', 'C'] as const)[i % 3];
    await seedProspect(db, {
      name,
      mobile: `1${3 + (i % 7)}${String(mobileBase + i).padStart(9, '0')}`,
      project,
      owner: pooled ? null : owners[i % owners.length],
      sourceChannel: CHANNELS[i % CHANNELS.length],
      stage: i % 11 === 0 ? 'subscribed' : i % 4 === 0 ? 'intending' : 'potential',
      grade,
      tags: DEMO_TAG_SETS[i % DEMO_TAG_SETS.length],
      buyerType: ['first_purchase', 'second_purchase', 'multiple_purchase'][i % 3],
      familySegment: ['young_professionals', 'children_first', 'practical_family', 'wealthy_family', 'healthy_retirement'][i % 5],
      assignedAt: new Date(now.getTime() - (daysAgo + 2) * DAY),
      poolReason: pooled ? '15 天未跟进，自动回收至公客池' : '',
      interactions: pooled ? [] : Array.from({ length: i % 4 }, (_, k) => ({ type: (['visit', 'call_out', 'wechat', 'site_tour'] as const)[k % 4], at: new Date(now.getTime() - (daysAgo - k * 2 + 1) * DAY), content: NOTES[(i + k) % NOTES.length] })),
    });
  }
}

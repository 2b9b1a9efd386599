import { asc, eq } from 'drizzle-orm';
import type { ComplaintChannel, Specialty } from '../../common/complaints.ts';
import type { DataScope, Role } from '../../common/roles.ts';
import type { Db } from '../db/client.ts';
import type { Principal } from '../platform/access/principal.ts';
import { DAY, HOUR } from '../platform/clock.ts';
import { saveCase } from '../modules/complaints/cases.ts';
import { createComplaint, createPublicComplaint, type Ctx } from '../modules/complaints/create.ts';
import { runComplaintSla } from '../modules/complaints/sla-job.ts';
import { linkIssue } from '../modules/complaints/update.ts';
import { assignComplaint, closeComplaint, moveComplaint, recordCallback, replyToComplainant } from '../modules/complaints/workflow.ts';
import { buildings } from '../modules/org/tables.ts';
import { userProjects, users } from '../modules/users/tables.ts';

type Project = { id: string; companyId: string; name: string };
type Story = { specialty: Specialty; title: string; description: string; remedy: string };

// What owners complain about, weighted like the seeds (engineering quality far ahead).
const STORIES: Story[] = [
  { specialty: 'engineering', title: '卫生间楼板渗水', description: '楼下邻居反映我家卫生间渗水，天花板已有水渍。', remedy: '尽快查明原因并维修，赔偿楼下损失' },
  { specialty: 'engineering', title: '外墙窗边渗水', description: '下雨后主卧窗边墙面渗水，墙纸起泡。', remedy: '修复外墙防水并恢复墙面' },
  { specialty: 'engineering', title: '地面空鼓开裂', description: '客厅地砖多处空鼓，有两块已经开裂。', remedy: '更换空鼓地砖' },
  { specialty: 'engineering', title: '地下车库积水', description: '地下车库 B2 层雨后积水，车辆无法进出。', remedy: '彻底解决排水问题' },
  { specialty: 'engineering', title: '入户门变形关不严', description: '入户门变形，关门需要很大力气，密封条脱落。', remedy: '更换入户门' },
  { specialty: 'design', title: '户型与样板间不符', description: '实际交付的阳台进深比样板间小，与宣传不一致。', remedy: '给出合理解释并补偿' },
  { specialty: 'design', title: '小区噪音大', description: '紧邻主干道一侧噪音很大，夜间无法休息。', remedy: '加装隔音窗' },
  { specialty: 'sales', title: '销售承诺未兑现', description: '购房时销售承诺赠送车位使用权，签约后不认账。', remedy: '兑现承诺' },
  { specialty: 'sales', title: '办证进度慢', description: '交房一年了不动产证还没办下来，没人给说法。', remedy: '明确办证时间' },
  { specialty: 'property', title: '电梯经常故障', description: '3 单元电梯一周内坏了三次，老人出行困难。', remedy: '彻底检修电梯' },
  { specialty: 'property', title: '物业费收取不透明', description: '物业费上调未公示，公共收益去向不明。', remedy: '公示账目' },
  { specialty: 'service', title: '客服电话无人接听', description: '报修电话打了一天都没人接。', remedy: '改进服务' },
  { specialty: 'other', title: '周边配套学校未落地', description: '规划中的配套小学迟迟没有动工。', remedy: '了解学校建设进度' },
];
const CHANNELS: ComplaintChannel[] = ['hotline', 'onsite', 'wechat', 'hotline', 'email', 'letter', 'onsite', 'wechat'];
const NAMES = ['王建华', '李秀英', '张晓东', '刘芳', '陈磊', '杨静', '黄勇', '赵艳', '吴涛', '周明', '徐超', '孙雨桐', '马思远', '朱浩然', '胡桂英', '郭杰'];

export async function principalOf(db: Db, username: string): Promise<Principal> {
  const [u] = await db.select().from(users).where(eq(users.username, username));
  const projectIds = (await db.select({ id: userProjects.projectId }).from(userProjects).where(eq(userProjects.userId, u.id))).map((r) => r.id);
  return { kind: 'user', userId: u.id, username: u.username, displayName: u.displayName, role: u.role as Role, scope: u.scope as DataScope, companyId: u.companyId, teamId: u.teamId, projectIds };
}

// Demo complaints over the last six months, made through the real services (so events, severity,
// escalation, alerts and audit are what the product itself produces): most closed after a
// call-back, some still moving, a few overdue, one major with its case, a same-building cluster
// that raises an early warning, and two filed by owners on the public page.
export async function seedDemoComplaints(db: Db, projects: { hz: Project[]; cd: Project }, now: Date) {
  const crmHz = await principalOf(db, 'lihua');
  const centre = await principalOf(db, 'zhoumin');
  const engineer = await principalOf(db, 'zhaogang');
  const property = await principalOf(db, 'qianjing');
  const at = (p: Principal, t: Date): Ctx => ({ db, now: t, actor: { principal: p, ip: null }, principal: p });
  const buildingsOf = async (projectId: string) => db.select({ id: buildings.id }).from(buildings).where(eq(buildings.projectId, projectId)).orderBy(asc(buildings.name));

  const plan = [...projects.hz.flatMap((p) => Array.from({ length: 14 }, () => p)), ...Array.from({ length: 10 }, () => projects.cd)];
  for (let i = 0; i < plan.length; i++) {
    const project = plan[i];
    const inCd = project === projects.cd;
    const recorder = inCd ? centre : crmHz;
    const handler = inCd ? property : engineer;
    const story = STORIES[(i * 5) % STORIES.length];
    const [building] = (await buildingsOf(project.id)).slice(i % 2);
    const filedAt = new Date(now.getTime() - ((i * 37) % 175) * DAY - (i % 9) * HOUR - 2 * DAY);
    const c = await createComplaint(at(recorder, filedAt), project, {
      projectId: project.id, buildingId: building?.id ?? null, unitId: null, customerId: null, contactName: NAMES[i % NAMES.length], contactMobile: `13${7 + (i % 3)}${String(30_000_000 + i * 7919).padStart(8, '0')}`.slice(0, 11),
      channel: CHANNELS[i % CHANNELS.length], specialty: story.specialty, title: story.title, description: story.description, remedyWanted: story.remedy,
      complainantCount: i % 13 === 5 ? 4 : 1, collective: i % 13 === 5, mediaExposed: i === 3, lawsuitFiled: false, lawsuitOrMediaRisk: i % 11 === 7, needsOutsideSupport: i % 10 === 4, issueId: null, attachments: [],
    });
    // How far it got: older ones are closed; recent ones are still being worked on.
    const age = (now.getTime() - filedAt.getTime()) / DAY;
    const stage = age > 20 && i % 9 !== 0 ? 6 : i % 6;
    let t = new Date(filedAt.getTime() + (i % 4 === 0 ? 6 : 2) * HOUR);
    const tick = (h: number) => (t = new Date(Math.min(t.getTime() + h * HOUR, now.getTime())));
    let v = c.version;
    if (stage >= 1) v = (await assignComplaint(at(recorder, t), c.id, { version: v, handlerId: handler.userId, note: '请尽快上门核实' })).version;
    if (stage >= 1) await replyToComplainant(at(handler, tick(1)), c.id, { content: '您好，已收到您的反馈，工程师将与您预约上门。', public: true });
    const steps = [{ to: 'investigating' as const }, { to: 'solution_proposed' as const, solution: '上门查明原因后制定维修方案，三日内完成' }, { to: 'in_progress' as const }, { to: 'awaiting_callback' as const, note: '维修完成' }];
    for (let s = 0; s < Math.min(stage - 1, steps.length); s++) v = (await moveComplaint(at(handler, tick(i % 5 === 2 ? 40 : 4 + (i % 3) * 8)), c.id, { version: v, note: '', ...steps[s] })).version;
    if (stage >= 6) {
      const satisfaction = [5, 4, 4, 3, 5, 2, 4][i % 7];
      v = (await recordCallback(at(recorder, tick(6)), c.id, { satisfaction, solved: true, content: satisfaction >= 4 ? '业主对处理结果满意' : '业主认为处理偏慢' })).version;
      if (i === 3) {
        await saveCase(at(recorder, tick(2)), c.id, {
          title: '地下车库积水被业主发到网上的处理', background: '暴雨后车库积水，业主拍视频发到本地论坛，引起媒体关注。', cause: '排水沟设计坡度不足，集水井水泵功率偏小。',
          handling: '当天成立应急小组，统一口径回应媒体；三天内加装水泵、疏通排水沟，并逐户回访。', lessons: '雨季前检查排水设施；媒体事件须当天响应，统一口径。',
        });
      }
      await closeComplaint(at(recorder, tick(2)), c.id, { version: v, note: '' });
    }
  }

  // Three owners of one building about the same leak within days: the early warning fires.
  const [hzFirst] = projects.hz;
  const [b] = await buildingsOf(hzFirst.id);
  const cluster: string[] = [];
  for (let k = 0; k < 3; k++) {
    const t = new Date(now.getTime() - (5 - k) * DAY);
    const c = await createComplaint(at(crmHz, t), hzFirst, {
      projectId: hzFirst.id, buildingId: b.id, unitId: null, customerId: null, contactName: ['沈立新', '韩梅', '冯晓光'][k], contactMobile: `1890000${String(4100 + k)}`,
      channel: 'hotline', specialty: 'engineering', title: '顶层屋面渗漏', description: '连续降雨后顶层住户屋面渗漏，墙面发霉。', remedyWanted: '修复屋面防水',
      complainantCount: 1, collective: false, mediaExposed: false, lawsuitFiled: false, lawsuitOrMediaRisk: false, needsOutsideSupport: false, issueId: null, attachments: [],
    });
    cluster.push(c.id);
  }
  const linkedAt = new Date(now.getTime() - 2 * DAY);
  const first = await linkIssue(at(crmHz, linkedAt), cluster[0], { issueId: null, newIssueTitle: '顶层屋面渗漏' });
  for (const id of cluster.slice(1)) await linkIssue(at(crmHz, linkedAt), id, { issueId: first.issueId });

  // Owners filing on the public page, waiting to be answered.
  await createPublicComplaint({ db, now: new Date(now.getTime() - 3 * HOUR), actor: { principal: null, ip: null, name: '业主自助（林女士）' } }, hzFirst, {
    projectId: hzFirst.id, buildingId: b.id, unitId: null, contactName: '林女士', contactMobile: '13655551234', specialty: 'property', title: '',
    description: '小区南门道闸经常抬不起来，早高峰排长队，希望物业尽快处理。', remedyWanted: '更换道闸', photos: [], website: '',
  });
  await createPublicComplaint({ db, now: new Date(now.getTime() - 30 * HOUR), actor: { principal: null, ip: null, name: '业主自助（何先生）' } }, projects.cd, {
    projectId: projects.cd.id, buildingId: null, unitId: null, contactName: '何先生', contactMobile: '13588882345', specialty: 'engineering', title: '',
    description: '交房后发现次卧墙体有裂缝，长度约一米，担心结构安全。', remedyWanted: '请专业人员检测并维修', photos: [], website: '',
  });
  await runComplaintSla(db, now);
}

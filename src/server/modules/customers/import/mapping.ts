import { unknownTagMessage } from '../../../../common/contracts/customer-tags.ts';
import { customerCreate, type CustomerCreate } from '../../../../common/contracts/customers.ts';
import {
  AGE_BAND_LABELS, BUYER_TYPE_LABELS, FAMILY_SEGMENT_LABELS, PAYMENT_METHOD_LABELS, PURPOSE_LABELS, SOURCE_CHANNEL_LABELS, type SourceChannel,
} from '../../../../common/customers.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ImportField } from './fields.ts';

// `activeTags`: the tag catalogue's active names; a row naming any other tag is rejected.
export type RowContext = { projectId: string; defaultSourceChannel: SourceChannel | null; index: [ImportField, number][]; activeTags: ReadonlySet<string> };
export type RowOutcome = { ok: true; input: CustomerCreate } | { ok: false; reason: string };

type Converted = { value: unknown } | { error: string };
const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase();

// Label (or code) → code, for an enumeration with Chinese labels. Labels such as 「老客户/朋友」
// also match each of their parts.
function enumFrom<T extends string>(labels: Record<T, string>, extra: Record<string, T> = {}) {
  const map = new Map<string, T>();
  for (const [code, label] of Object.entries(labels) as [T, string][]) {
    map.set(squash(code), code);
    map.set(squash(label), code);
    for (const part of label.split('/')) map.set(squash(part), code);
  }
  for (const [k, code] of Object.entries(extra)) map.set(squash(k), code);
  const choices = Object.values<string>(labels).join('、');
  return (raw: string): Converted => {
    const code = map.get(squash(raw));
    return code ? { value: code } : { error: `无法识别「${raw}」，可填：${choices}` };
  };
}

const AGE_BANDS: [number, keyof typeof AGE_BAND_LABELS][] = [[25, 'under_25'], [35, '25_34'], [45, '35_44'], [55, '45_54'], [65, '55_64']];
const ageBandLabel = enumFrom(AGE_BAND_LABELS);
function ageBand(raw: string): Converted {
  const age = /^\d{1,3}(岁)?$/.test(raw.trim()) ? parseInt(raw, 10) : NaN;
  if (Number.isNaN(age)) return ageBandLabel(raw.replace(/[-~～—]/g, '–'));
  return { value: AGE_BANDS.find(([limit]) => age < limit)?.[1] ?? '65_plus' };
}

// 「138 1234 5678」「138-1234-5678」「+86 13812345678」 → 13812345678; the schema judges the rest.
function mobile(raw: string): Converted {
  let m = raw.replace(/[\s\-()（）]/g, '');
  if (/^(\+?86|0086)1\d{10}$/.test(m)) m = m.slice(-11);
  return { value: m };
}

function amount(raw: string): Converted {
  const n = Number(raw.replace(/[,，\s]/g, '').replace(/(万元|万)$/, ''));
  return Number.isFinite(n) ? { value: n } : { error: `「${raw}」不是数字（单位：万元）` };
}

const text = (raw: string): Converted => ({ value: raw });

const CONVERT: Record<ImportField, (raw: string) => Converted> = {
  name: text,
  mobile,
  gender: enumFrom({ male: '男', female: '女', unknown: '未知' }, { 男性: 'male', 先生: 'male', m: 'male', 女性: 'female', 女士: 'female', f: 'female', 保密: 'unknown' }),
  ageBand,
  idNumber: (raw) => ({ value: raw.replace(/\s/g, '').toUpperCase() }),
  sourceChannel: enumFrom(SOURCE_CHANNEL_LABELS, { 到访: 'walk_in', 来访: 'walk_in', 热线: 'hotline', 来电: 'hotline', 中介: 'broker', 经纪人: 'broker', 老带新: 'owner_referral', 网络: 'portal', 网站: 'portal' }),
  tags: (raw) => ({ value: [...new Set(raw.split(/[，,、;；]/).map((t) => t.trim()).filter(Boolean))] }),
  grade: (raw) => {
    const m = /^([abc])(\s*级.*)?$/i.exec(raw.trim());
    return m ? { value: m[1].toUpperCase() } : { error: `「${raw}」不是有效等级，可填：A、B、C` };
  },
  buyerType: enumFrom(BUYER_TYPE_LABELS),
  familySegment: enumFrom(FAMILY_SEGMENT_LABELS),
  occupation: text,
  residenceArea: text,
  workArea: text,
  familyStructure: text,
  incomeBand: text,
  needLayout: text,
  budgetMin: amount,
  budgetMax: amount,
  purpose: enumFrom(PURPOSE_LABELS),
  paymentMethod: enumFrom(PAYMENT_METHOD_LABELS),
  decisionMaker: text,
  competingProjects: text,
  referrerName: text,
};

const LABELS: Record<string, string> = { ...IMPORT_FIELD_LABELS, needAreaMin: '面积下限', needAreaMax: '面积上限', projectId: '项目' };

// Validate a mapping from the client (or our suggestion) against the file's columns.
export function checkMapping(columns: string[], mapping: Record<string, string>, defaultSourceChannel: SourceChannel | null): [ImportField, number][] {
  const fail = (message: string) => new AppError('VALIDATION_FAILED', message, [{ field: 'mapping', message }]);
  const index: [ImportField, number][] = [];
  const seen = new Set<string>();
  for (const [column, field] of Object.entries(mapping)) {
    if (!field) continue;
    const at = columns.indexOf(column);
    if (at < 0) throw fail(`文件中没有「${column}」列`);
    if (!(IMPORT_FIELDS as readonly string[]).includes(field)) throw fail(`「${column}」列对应的字段无效`);
    if (seen.has(field)) throw fail(`多个列都对应到「${IMPORT_FIELD_LABELS[field as ImportField]}」，请只保留一列`);
    seen.add(field);
    index.push([field as ImportField, at]);
  }
  if (!seen.has('name') || !seen.has('mobile')) throw fail('请指定姓名列和手机号列');
  if (!seen.has('sourceChannel') && !defaultSourceChannel) throw fail('请指定来源渠道列，或选择默认来源渠道');
  return index;
}

// One data row → the same input a person would submit on the 新增客户 form, validated by the same
// schema (customerCreate); or the reasons it is rejected, in Chinese, per column.
export function validateRow(cells: string[], ctx: RowContext): RowOutcome {
  const input: Record<string, unknown> = { projectId: ctx.projectId };
  const problems: string[] = [];
  const failed = new Set<string>();
  for (const [field, at] of ctx.index) {
    const raw = cells[at] ?? '';
    if (!raw) continue;
    const c = CONVERT[field](raw);
    if ('error' in c) {
      problems.push(`${IMPORT_FIELD_LABELS[field]}：${c.error}`);
      failed.add(field);
    } else input[field] = c.value;
  }
  if (Array.isArray(input.tags)) {
    const unknown = (input.tags as string[]).filter((t) => !ctx.activeTags.has(t));
    if (unknown.length) {
      problems.push(`${IMPORT_FIELD_LABELS.tags}：${unknown.map(unknownTagMessage).join('，')}`);
      failed.add('tags');
    }
  }
  if (input.sourceChannel === undefined && !failed.has('sourceChannel') && ctx.defaultSourceChannel) input.sourceChannel = ctx.defaultSourceChannel;
  if (input.mobile === undefined) {
    problems.push('手机号：缺少手机号');
    failed.add('mobile');
  }
  const parsed = customerCreate.safeParse(input);
  if (parsed.success && !problems.length) return { ok: true, input: parsed.data };
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const key = String(issue.path[0] ?? '');
    if (failed.has(key)) continue;
    const label = LABELS[key] ?? key;
    problems.push(label ? `${label}：${issue.message}` : issue.message);
  }
  return { ok: false, reason: problems.join('；') };
}

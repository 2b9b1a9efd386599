// The customer fields a spreadsheet column can fill, with their Chinese labels, and the header
// names that suggest them (matched after removing spaces, asterisks and bracketed notes).
export const IMPORT_FIELDS = [
  'name', 'mobile', 'gender', 'ageBand', 'idNumber', 'sourceChannel', 'tags', 'grade', 'buyerType', 'familySegment',
  'occupation', 'residenceArea', 'workArea', 'familyStructure', 'incomeBand', 'needLayout', 'budgetMin', 'budgetMax',
  'purpose', 'paymentMethod', 'decisionMaker', 'competingProjects', 'referrerName',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  name: '姓名', mobile: '手机号', gender: '性别', ageBand: '年龄段', idNumber: '证件号', sourceChannel: '来源渠道', tags: '标签',
  grade: '等级', buyerType: '客户类型', familySegment: '家庭细分', occupation: '职业', residenceArea: '居住区域', workArea: '工作区域',
  familyStructure: '家庭结构', incomeBand: '收入水平', needLayout: '需求户型', budgetMin: '预算下限', budgetMax: '预算上限',
  purpose: '置业目的', paymentMethod: '付款方式', decisionMaker: '决策人', competingProjects: '竞品项目', referrerName: '推荐人',
};

const SYNONYMS: Record<ImportField, string[]> = {
  name: ['姓名', '客户姓名', '客户名称', '客户名', '名字', '客户', 'name'],
  mobile: ['手机', '手机号', '手机号码', '电话', '联系电话', '电话号码', '移动电话', '联系方式', 'mobile', 'phone'],
  gender: ['性别', 'gender'],
  ageBand: ['年龄段', '年龄'],
  idNumber: ['身份证', '身份证号', '身份证号码', '证件号', '证件号码', '证件'],
  sourceChannel: ['来源', '来源渠道', '渠道', '客户来源', '获客渠道'],
  tags: ['标签', '客户标签'],
  grade: ['等级', '客户等级', '意向等级'],
  buyerType: ['客户类型', '置业类型', '置业次数'],
  familySegment: ['家庭细分', '客户细分', '家庭类型'],
  occupation: ['职业', '行业'],
  residenceArea: ['居住区域', '居住地', '居住地址', '住址', '居住片区'],
  workArea: ['工作区域', '工作地点', '工作地'],
  familyStructure: ['家庭结构'],
  incomeBand: ['收入', '收入水平', '家庭收入'],
  needLayout: ['需求户型', '意向户型', '户型'],
  budgetMin: ['预算下限', '最低预算'],
  budgetMax: ['预算上限', '最高预算'],
  purpose: ['置业目的', '购房目的'],
  paymentMethod: ['付款方式'],
  decisionMaker: ['决策人'],
  competingProjects: ['竞品', '竞品项目'],
  referrerName: ['推荐人', '介绍人'],
};

// Looser matches for headers such as 「客户手机」 or 「联系电话（必填）」, tried after exact ones.
const CONTAINS: [string, ImportField][] = [
  ['手机', 'mobile'], ['电话', 'mobile'], ['身份证', 'idNumber'], ['证件', 'idNumber'], ['姓名', 'name'], ['性别', 'gender'],
  ['来源', 'sourceChannel'], ['渠道', 'sourceChannel'], ['标签', 'tags'], ['等级', 'grade'], ['职业', 'occupation'], ['居住', 'residenceArea'],
];

export const normaliseHeader = (h: string) =>
  h.replace(/[（(【[][^）)】\]]*[）)】\]]/g, '').replace(/[\s*＊:：]/g, '').toLowerCase();

const EXACT = new Map<string, ImportField>();
for (const f of IMPORT_FIELDS) for (const s of SYNONYMS[f]) EXACT.set(normaliseHeader(s), f);

// Column → field for the headers we recognise; each field is suggested for one column only.
export function suggestMapping(columns: string[]): Record<string, ImportField> {
  const out: Record<string, ImportField> = {};
  const used = new Set<ImportField>();
  const take = (column: string, field: ImportField | undefined) => {
    if (!field || used.has(field) || out[column]) return;
    out[column] = field;
    used.add(field);
  };
  for (const c of columns) take(c, EXACT.get(normaliseHeader(c)));
  for (const c of columns) {
    const h = normaliseHeader(c);
    take(c, CONTAINS.find(([k]) => h.includes(k))?.[1]);
  }
  return out;
}

import { Descriptions, Space, Tag } from 'antd';
import type { Customer } from '../../../common/contracts/customers.ts';
import {
  AGE_BAND_LABELS,
  BUYER_TYPE_LABELS,
  CONSENT_CHANNEL_LABELS,
  CONSENT_PURPOSE_LABELS,
  FAMILY_SEGMENT_LABELS,
  GENDER_LABELS,
  PAYMENT_METHOD_LABELS,
  PURPOSE_LABELS,
  SOURCE_CHANNEL_LABELS,
} from '../../../common/customers.ts';
import { EMPTY_TEXT, formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';

function range(min: number | null, max: number | null, unit: string): string {
  if (min === null && max === null) return EMPTY_TEXT;
  if (min !== null && max !== null) return `${formatNumber(min)}–${formatNumber(max)} ${unit}`;
  return min !== null ? `${formatNumber(min)} ${unit}以上` : `${formatNumber(max ?? 0)} ${unit}以内`;
}

const orEmpty = (value: string | null | undefined) => value || EMPTY_TEXT;

/** 基本信息: the customer's standard profile, read-only. */
export function CustomerProfile({ customer: c }: { customer: Customer }) {
  const tagList = (values: string[]) =>
    values.length > 0 ? (
      <Space size={[4, 4]} wrap>
        {values.map((value) => (
          <Tag key={value}>{value}</Tag>
        ))}
      </Space>
    ) : (
      EMPTY_TEXT
    );

  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, xl: 3 }}
      items={[
        { key: 'gender', label: '性别', children: GENDER_LABELS[c.gender] },
        { key: 'ageBand', label: '年龄段', children: c.ageBand ? AGE_BAND_LABELS[c.ageBand] : EMPTY_TEXT },
        { key: 'idNumber', label: '身份证号', children: orEmpty(c.idNumber) },
        { key: 'source', label: '来源渠道', children: SOURCE_CHANNEL_LABELS[c.sourceChannel] },
        { key: 'buyerType', label: '客户类型', children: c.buyerType ? BUYER_TYPE_LABELS[c.buyerType] : EMPTY_TEXT },
        { key: 'segment', label: '家庭细分', children: c.familySegment ? FAMILY_SEGMENT_LABELS[c.familySegment] : EMPTY_TEXT },
        { key: 'tags', label: '标签', children: tagList(c.tags) },
        { key: 'layout', label: '需求户型', children: orEmpty(c.needLayout) },
        { key: 'area', label: '面积区间', children: range(c.needAreaMin, c.needAreaMax, '㎡') },
        { key: 'budget', label: '预算区间', children: range(c.budgetMin, c.budgetMax, '万元') },
        { key: 'purpose', label: '置业用途', children: c.purpose ? PURPOSE_LABELS[c.purpose] : EMPTY_TEXT },
        { key: 'payment', label: '付款方式', children: c.paymentMethod ? PAYMENT_METHOD_LABELS[c.paymentMethod] : EMPTY_TEXT },
        { key: 'funds', label: '资金准备', children: c.fundsReady === null ? EMPTY_TEXT : c.fundsReady ? '已就绪' : '未就绪' },
        { key: 'focus', label: '关注因素', children: tagList(c.focusFactors) },
        { key: 'occupation', label: '职业', children: orEmpty(c.occupation) },
        { key: 'family', label: '家庭结构', children: orEmpty(c.familyStructure) },
        { key: 'income', label: '收入水平', children: orEmpty(c.incomeBand) },
        { key: 'residence', label: '居住区域', children: orEmpty(c.residenceArea) },
        { key: 'work', label: '工作区域', children: orEmpty(c.workArea) },
        { key: 'decisionMaker', label: '决策人', children: orEmpty(c.decisionMaker) },
        { key: 'decisionCycle', label: '决策周期', children: orEmpty(c.decisionCycle) },
        { key: 'competing', label: '竞品项目', children: orEmpty(c.competingProjects) },
        { key: 'referrer', label: '推荐人', children: orEmpty(c.referrerName) },
        {
          key: 'consents',
          label: '个人信息授权',
          children:
            c.consents.length > 0 ? (
              <Space orientation="vertical" size={2}>
                {c.consents.map((consent) => (
                  <span key={consent.id}>
                    {CONSENT_PURPOSE_LABELS[consent.purpose]} · {CONSENT_CHANNEL_LABELS[consent.channel]} ·{' '}
                    {formatDate(consent.grantedAt)}
                  </span>
                ))}
              </Space>
            ) : (
              '未登记授权'
            ),
        },
        { key: 'created', label: '登记时间', children: formatDateTime(c.createdAt) },
      ]}
    />
  );
}

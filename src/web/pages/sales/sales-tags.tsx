import { Tag } from 'antd';
import type { UnitStatus } from '../../../common/contracts/org.ts';
import { UNIT_STATUS_LABELS } from '../../../common/contracts/org.ts';
import type { DealStage, DealStatus } from '../../../common/sales.ts';
import { DEAL_STAGE_LABELS, DEAL_STATUS_LABELS } from '../../../common/sales.ts';
import { EMPTY_TEXT, formatNumber } from '../../lib/format.ts';

// The board's colours: 可售 green, 已预留 gold, 已认购 orange, 已签约 red, 已交付 grey. `tag` is the
// antd preset for tags; `fill` and `bar` paint a board cell (light fill, strong left bar).
export const BOARD_STATUS_COLORS: Record<UnitStatus, { tag: string; fill: string; bar: string }> = {
  available: { tag: 'green', fill: '#d9f7be', bar: '#52c41a' },
  reserved: { tag: 'gold', fill: '#fff1b8', bar: '#faad14' },
  subscribed: { tag: 'orange', fill: '#ffe7ba', bar: '#fa8c16' },
  contracted: { tag: 'red', fill: '#ffccc7', bar: '#f5222d' },
  delivered: { tag: 'default', fill: '#f0f0f0', bar: '#8c8c8c' },
};

const STAGE_COLORS: Record<DealStage, string> = { pledge: 'gold', subscription: 'orange', contract: 'red' };

export function BoardStatusTag({ status }: { status: UnitStatus }) {
  return <Tag color={BOARD_STATUS_COLORS[status].tag}>{UNIT_STATUS_LABELS[status]}</Tag>;
}

export function DealStageTag({ stage }: { stage: DealStage }) {
  return <Tag color={STAGE_COLORS[stage]}>{DEAL_STAGE_LABELS[stage]}</Tag>;
}

export function DealStatusTag({ status }: { status: DealStatus }) {
  return <Tag color={status === 'active' ? 'processing' : 'default'}>{DEAL_STATUS_LABELS[status]}</Tag>;
}

/** 元 as 万元, e.g. 3125000 → 「312.5 万」. */
export function formatWan(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined) return EMPTY_TEXT;
  return `${formatNumber(yuan / 10_000)} 万`;
}

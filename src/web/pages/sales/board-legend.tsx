import { Typography } from 'antd';
import type { UnitStatus } from '../../../common/contracts/org.ts';
import { UNIT_STATUS_LABELS, UNIT_STATUSES } from '../../../common/contracts/org.ts';
import type { SalesBoard } from '../../../common/contracts/sales.ts';
import { formatNumber } from '../../lib/format.ts';
import { BOARD_STATUS_COLORS } from './sales-tags.tsx';

type BoardLegendProps = { board: SalesBoard; filtered: boolean };

function matchingCount(board: SalesBoard): number {
  let count = 0;
  for (const building of board.buildings) {
    for (const floor of building.floors) count += floor.units.filter((u) => u.match).length;
  }
  return count;
}

/** The colours and how many units each status has; with a filter, how many units match it. */
export function BoardLegend({ board, filtered }: BoardLegendProps) {
  const count = (status: UnitStatus) => board.counts[status] ?? 0;
  const total = UNIT_STATUSES.reduce((sum, s) => sum + count(s), 0);

  return (
    <div className="sales-legend" aria-label="图例">
      {UNIT_STATUSES.map((status) => (
        <span key={status} className="sales-legend-item">
          <span
            className="sales-legend-swatch"
            style={{ background: BOARD_STATUS_COLORS[status].fill, borderLeftColor: BOARD_STATUS_COLORS[status].bar }}
            aria-hidden
          />
          {UNIT_STATUS_LABELS[status]}
          <Typography.Text strong>{formatNumber(count(status))}</Typography.Text>
        </span>
      ))}
      <Typography.Text type="secondary">共 {formatNumber(total)} 套</Typography.Text>
      {filtered && (
        <Typography.Text type="secondary">
          符合筛选 {formatNumber(matchingCount(board))} 套（其余淡化显示）
        </Typography.Text>
      )}
    </div>
  );
}

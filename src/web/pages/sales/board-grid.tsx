import { Card, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useMemo } from 'react';
import { UNIT_STATUS_LABELS } from '../../../common/contracts/org.ts';
import type { BoardBuilding, BoardUnit } from '../../data/hooks/sales.ts';
import { formatNumber } from '../../lib/format.ts';
import { BOARD_STATUS_COLORS, formatWan } from './sales-tags.tsx';

const FLOOR_COLUMN = '52px';
const CELL_COLUMN = '108px';

type Layout = { columns: number; rows: { floor: number; cells: (BoardUnit | null)[] }[] };

// 1201 on floor 12 is column 「01」: units line up by their number's tail, so 1201 sits under 1301
// even where a floor lacks a unit. A building whose numbers do not follow the pattern (or repeat a
// tail on one floor) is laid out floor by floor in the order given.
function columnOf(unit: BoardUnit): string {
  const prefix = String(unit.floor);
  return unit.number.startsWith(prefix) && unit.number.length > prefix.length ? unit.number.slice(prefix.length) : unit.number;
}

const byNumber = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true });

export function layoutBuilding(building: BoardBuilding): Layout {
  const floors = [...building.floors].sort((a, b) => b.floor - a.floor);
  const tails = new Set<string>();
  let aligned = true;
  for (const floor of floors) {
    const seen = new Set<string>();
    for (const unit of floor.units) {
      const tail = columnOf(unit);
      if (seen.has(tail)) aligned = false;
      seen.add(tail);
      tails.add(tail);
    }
  }
  if (aligned) {
    const order = [...tails].sort(byNumber);
    return {
      columns: order.length,
      rows: floors.map((floor) => {
        const byTail = new Map(floor.units.map((u) => [columnOf(u), u]));
        return { floor: floor.floor, cells: order.map((tail) => byTail.get(tail) ?? null) };
      }),
    };
  }
  const columns = Math.max(0, ...floors.map((f) => f.units.length));
  return {
    columns,
    rows: floors.map((floor) => {
      const units = [...floor.units].sort((a, b) => byNumber(a.number, b.number));
      return { floor: floor.floor, cells: Array.from({ length: columns }, (_, i) => units[i] ?? null) };
    }),
  };
}

function UnitCell({ unit, selected, onOpen }: { unit: BoardUnit; selected: boolean; onOpen: (unit: BoardUnit) => void }) {
  const colors = BOARD_STATUS_COLORS[unit.status];
  const style: CSSProperties = { background: colors.fill, borderLeftColor: colors.bar };
  const className = ['sales-cell', unit.match ? '' : 'sales-cell-dimmed', selected ? 'sales-cell-selected' : ''].filter(Boolean).join(' ');
  const label = `${unit.number} ${unit.layout} ${formatNumber(unit.area)}平方米 ${formatWan(unit.listPrice)}元 ${UNIT_STATUS_LABELS[unit.status]}${unit.match ? '' : '（不符合筛选）'}`;
  return (
    <button type="button" className={className} style={style} aria-label={label} title={label} aria-pressed={selected} onClick={() => onOpen(unit)}>
      <span className="sales-cell-number">{unit.number}</span>
      <span>{unit.layout}</span>
      <span className="sales-cell-muted">{formatNumber(unit.area)} ㎡</span>
      <span>{formatWan(unit.listPrice)}</span>
    </button>
  );
}

type BoardGridProps = {
  building: BoardBuilding;
  selectedUnitId: string | undefined;
  onOpen: (unit: BoardUnit) => void;
};

/** One building of the board: floors top-down, each floor's units in a row, coloured by status. */
export function BoardGrid({ building, selectedUnitId, onOpen }: BoardGridProps) {
  const layout = useMemo(() => layoutBuilding(building), [building]);
  const unitCount = building.floors.reduce((sum, f) => sum + f.units.length, 0);
  const available = building.floors.reduce((sum, f) => sum + f.units.filter((u) => u.status === 'available').length, 0);

  return (
    <Card
      size="small"
      title={building.name}
      extra={
        <Typography.Text type="secondary">
          共 {formatNumber(unitCount)} 套 · 可售 {formatNumber(available)} 套
        </Typography.Text>
      }
    >
      {unitCount === 0 ? (
        <Typography.Text type="secondary">该楼栋暂无房源</Typography.Text>
      ) : (
        <div className="sales-grid-scroll">
          <div
            className="sales-grid"
            role="grid"
            aria-label={`${building.name}销控表`}
            style={{ gridTemplateColumns: `${FLOOR_COLUMN} repeat(${layout.columns}, ${CELL_COLUMN})` }}
          >
            {layout.rows.map((row) => (
              <div key={row.floor} role="row" style={{ display: 'contents' }}>
                <div className="sales-floor" role="rowheader">
                  {row.floor} 层
                </div>
                {row.cells.map((unit, i) =>
                  unit ? (
                    <div key={unit.id} role="gridcell">
                      <UnitCell unit={unit} selected={unit.id === selectedUnitId} onOpen={onOpen} />
                    </div>
                  ) : (
                    <div key={`empty-${i}`} role="gridcell" className="sales-cell-empty" aria-label="无房源" />
                  ),
                )}
              </div>
            ))}
          </div>
        </div>
      )}
    </Card>
  );
}

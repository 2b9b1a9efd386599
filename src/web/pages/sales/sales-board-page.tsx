import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Skeleton, Spin, Typography } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Project } from '../../../common/contracts/org.ts';
import type { SalesBoard } from '../../../common/contracts/sales.ts';
import { useScopeProjects } from '../../data/hooks/prospects.ts';
import type { BoardFilters, BoardUnit } from '../../data/hooks/sales.ts';
import { useSalesBoard } from '../../data/hooks/sales.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useIsPhone } from '../../components/use-media-query.ts';
import { BoardFilterBar } from './board-filter-bar.tsx';
import { BoardGrid } from './board-grid.tsx';
import { BoardLegend } from './board-legend.tsx';
import { UnitDrawer } from './unit-drawer.tsx';
import './sales-board.css';

// The page's address: ?projectId=&layout=&priceMin=&priceMax=&unitId= (prices in 元, as the API).
type BoardParam = 'projectId' | 'layout' | 'priceMin' | 'priceMax' | 'unitId';

function price(value: string | null): number | undefined {
  if (!value) return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function readFilters(params: URLSearchParams): BoardFilters {
  const filters: BoardFilters = {};
  const layout = params.get('layout')?.trim();
  if (layout) filters.layout = layout;
  const priceMin = price(params.get('priceMin'));
  if (priceMin !== undefined) filters.priceMin = priceMin;
  const priceMax = price(params.get('priceMax'));
  if (priceMax !== undefined) filters.priceMax = priceMax;
  return filters;
}

/** Without a choice in the address: the first project on sale, else the first one. */
function defaultProject(projects: Project[] | undefined): string | undefined {
  return (projects?.find((p) => p.status === 'selling') ?? projects?.[0])?.id;
}

function findUnit(board: SalesBoard | undefined, unitId: string | undefined): { unit: BoardUnit; buildingName: string } | null {
  if (!board || !unitId) return null;
  for (const building of board.buildings) {
    for (const floor of building.floors) {
      const unit = floor.units.find((u) => u.id === unitId);
      if (unit) return { unit, buildingName: building.name };
    }
  }
  return null;
}

/** 销控: a project's units by building and floor, coloured by sales status; a unit opens its deal. */
export function SalesBoardPage() {
  const isPhone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const projects = useScopeProjects();
  const projectId = params.get('projectId') ?? defaultProject(projects.data);
  const filters = useMemo(() => readFilters(params), [params]);
  const filtered = Object.keys(filters).length > 0;
  const board = useSalesBoard(projectId, filters);
  const current = board.data && board.data.project.id === projectId ? board.data : undefined;
  const selectedUnitId = params.get('unitId') ?? undefined;
  const selected = findUnit(current, selectedUnitId);

  const update = (patch: Partial<Record<BoardParam, string | number | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    setParams(next, { replace: true });
  };

  let content;
  if (projects.isPending) content = <Skeleton active />;
  else if (projects.isError) content = <QueryError error={projects.error} onRetry={() => void projects.refetch()} />;
  else if (!projectId) content = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="您的数据范围内暂无项目" />;
  else if (board.isError && !current) content = <QueryError error={board.error} onRetry={() => void board.refetch()} />;
  else if (!current) content = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (current.buildings.length === 0) content = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该项目暂无楼栋和房源" />;
  else {
    content = (
      <Spin spinning={board.isFetching && board.isPlaceholderData}>
        <div className="sales-buildings">
          {current.buildings.map((building) => (
            <BoardGrid
              key={building.id}
              building={building}
              selectedUnitId={selectedUnitId}
              onOpen={(unit) => update({ projectId, unitId: unit.id })}
            />
          ))}
        </div>
      </Spin>
    );
  }

  return (
    <>
      <PageHeader
        title="销控"
        extra={
          projectId && (
            <Button icon={<ReloadOutlined />} loading={board.isFetching && !board.isPlaceholderData} onClick={() => void board.refetch()}>
              刷新
            </Button>
          )
        }
      />
      <Card>
        <BoardFilterBar
          projects={projects.data}
          projectsLoading={projects.isPending}
          projectId={projectId}
          onProjectChange={(id) => update({ projectId: id, layout: undefined, unitId: undefined })}
          layouts={current?.layouts ?? []}
          filters={filters}
          onChange={(patch) => update(patch)}
          onClear={() => update({ layout: undefined, priceMin: undefined, priceMax: undefined })}
        />
        {current && <BoardLegend board={current} filtered={filtered} />}
        {current && isPhone && current.buildings.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            左右滑动查看整层房源，点击房源查看详情
          </Typography.Paragraph>
        )}
        {content}
      </Card>
      {selected && projectId && (
        <UnitDrawer
          key={selected.unit.id}
          unit={selected.unit}
          buildingName={selected.buildingName}
          projectId={projectId}
          onClose={() => update({ unitId: undefined })}
        />
      )}
    </>
  );
}

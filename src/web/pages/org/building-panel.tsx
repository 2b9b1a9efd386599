import { AppstoreAddOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { TableProps } from 'antd';
import { Alert, Button, Descriptions, Select, Space } from 'antd';
import { useState } from 'react';
import type { Building, Unit, UnitStatus } from '../../../common/contracts/org.ts';
import type { UnitBatchResult } from '../../data/hooks/org.ts';
import { useDeleteBuilding, useDeleteUnit, useUnits } from '../../data/hooks/org.ts';
import { ConfirmDeleteButton } from '../../components/confirm-delete-button.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { UnitStatusTag } from '../../components/status-tags.tsx';
import { formatArea, formatDateTime, formatNumber, formatPrice } from '../../lib/format.ts';
import { BuildingFormModal } from './building-form-modal.tsx';
import { UnitBatchModal } from './unit-batch-modal.tsx';
import { UNIT_STATUS_OPTIONS, UnitFormModal } from './unit-form-modal.tsx';
import { EditDeleteActions } from '../../components/edit-delete-actions.tsx';

type BuildingPanelProps = { building: Building; canManage: boolean; onDeleted: () => void };

export function BuildingPanel({ building, canManage, onDeleted }: BuildingPanelProps) {
  const [status, setStatus] = useState<UnitStatus | undefined>(undefined);
  const units = useUnits(building.id, status);
  const deleteBuilding = useDeleteBuilding();
  const deleteUnit = useDeleteUnit();
  const [editingBuilding, setEditingBuilding] = useState(false);
  const [editingUnit, setEditingUnit] = useState<Unit | 'new' | null>(null);
  const [batchOpen, setBatchOpen] = useState(false);
  const [batchResult, setBatchResult] = useState<UnitBatchResult | null>(null);

  const columns: TableProps<Unit>['columns'] = [
    { title: '房号', dataIndex: 'number' },
    { title: '楼层', dataIndex: 'floor', align: 'right', render: (floor: number) => `${floor} 层` },
    { title: '户型', dataIndex: 'layout' },
    { title: '面积', dataIndex: 'area', align: 'right', render: (area: number) => formatArea(area) },
    { title: '列表价', dataIndex: 'listPrice', align: 'right', render: (price: number) => formatPrice(price) },
    { title: '状态', dataIndex: 'status', render: (_: unknown, unit) => <UnitStatusTag status={unit.status} /> },
  ];
  if (canManage) {
    columns.push({
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, unit) => (
        <EditDeleteActions onEdit={() => setEditingUnit(unit)} onDelete={() => deleteUnit.mutateAsync({ id: unit.id, version: unit.version })} deletedMessage={`房源 ${unit.number} 已删除`} />
      ),
    });
  }

  return (
    <div>
      <div className="toolbar">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 3 }}
          className="toolbar-grow"
          items={[
            { key: 'floors', label: '楼层数', children: `${building.floors} 层` },
            { key: 'units', label: '房源数', children: `${formatNumber(building.unitCount)} 套` },
            { key: 'created', label: '创建时间', children: formatDateTime(building.createdAt) },
          ]}
        />
        {canManage && (
          <Space wrap>
            <Button icon={<EditOutlined />} onClick={() => setEditingBuilding(true)}>
              编辑楼栋
            </Button>
            <ConfirmDeleteButton
              type="default"
              size="middle"
              onConfirm={() => deleteBuilding.mutateAsync({ id: building.id, version: building.version })}
              successMessage={`${building.name}已删除`}
              onDone={onDeleted}
              description="楼栋内的房源将一并删除；已有预留、认购或签约房源的楼栋不能删除。"
            >
              删除楼栋
            </ConfirmDeleteButton>
          </Space>
        )}
      </div>

      <div className="toolbar">
        <Select<UnitStatus>
          allowClear
          placeholder="全部状态"
          aria-label="按状态筛选"
          style={{ minWidth: 140 }}
          value={status}
          options={UNIT_STATUS_OPTIONS}
          onChange={(value) => setStatus(value ?? undefined)}
        />
        <span className="toolbar-grow" />
        {canManage && (
          <>
            <Button icon={<PlusOutlined />} onClick={() => setEditingUnit('new')}>
              新增房源
            </Button>
            <Button type="primary" icon={<AppstoreAddOutlined />} onClick={() => setBatchOpen(true)}>
              批量生成房源
            </Button>
          </>
        )}
      </div>

      {batchResult && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setBatchResult(null) }}
          style={{ marginBottom: 12 }}
          title={`已生成 ${formatNumber(batchResult.created)} 套，跳过 ${formatNumber(batchResult.skipped)} 套`}
        />
      )}

      <PagedTable<Unit>
        query={units}
        rowKey="id"
        size="small"
        columns={columns}
        emptyText={
          status
            ? '没有该状态的房源'
            : canManage
              ? '暂无房源，点击“新增房源”或“批量生成房源”添加'
              : '暂无房源'
        }
      />

      {editingBuilding && (
        <BuildingFormModal projectId={building.projectId} building={building} onClose={() => setEditingBuilding(false)} />
      )}
      {editingUnit && (
        <UnitFormModal
          buildingId={building.id}
          unit={editingUnit === 'new' ? undefined : editingUnit}
          onClose={() => setEditingUnit(null)}
        />
      )}
      {batchOpen && (
        <UnitBatchModal
          building={building}
          onClose={() => setBatchOpen(false)}
          onGenerated={(result) => {
            setStatus(undefined);
            setBatchResult(result);
          }}
        />
      )}
    </div>
  );
}

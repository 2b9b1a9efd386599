import { Table, Typography } from 'antd';
import type { AuditEntry } from '../../../common/contracts/audit.ts';
import type { ProjectStatus, UnitStatus } from '../../../common/contracts/org.ts';
import { PROJECT_STATUS_LABELS, UNIT_STATUS_LABELS } from '../../../common/contracts/org.ts';
import type { DataScope, Role } from '../../../common/roles.ts';
import { DATA_SCOPE_LABELS, ROLE_LABELS } from '../../../common/roles.ts';
import { formatChangeValue } from '../../lib/format.ts';

// Chinese names for the record fields that appear in `changes`; unknown fields show their code.
const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  code: '编码',
  city: '城市',
  address: '地址',
  status: '状态',
  floors: '楼层数',
  number: '房号',
  floor: '楼层',
  layout: '户型',
  area: '面积（㎡）',
  listPrice: '列表价（元）',
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  scope: '数据范围',
  companyId: '所属公司',
  teamId: '所属团队',
  projectId: '所属项目',
  projectIds: '负责项目',
  leaderId: '团队负责人',
  active: '启用',
  revokedAt: '吊销时间',
  updatedAt: '更新时间',
  lockedUntil: '锁定至',
};

function lookup<K extends string>(labels: Record<K, string>, value: unknown): string | undefined {
  return typeof value === 'string' && value in labels ? labels[value as K] : undefined;
}

function displayValue(field: string, entityType: string, value: unknown): string {
  const label =
    field === 'role'
      ? lookup<Role>(ROLE_LABELS, value)
      : field === 'scope'
        ? lookup<DataScope>(DATA_SCOPE_LABELS, value)
        : field === 'status'
          ? entityType === 'unit'
            ? lookup<UnitStatus>(UNIT_STATUS_LABELS, value)
            : lookup<ProjectStatus>(PROJECT_STATUS_LABELS, value)
          : undefined;
  return label ?? formatChangeValue(value);
}

type ChangeRow = { field: string; before: unknown; after: unknown };

export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const rows: ChangeRow[] = Object.entries(entry.changes ?? {}).map(([field, change]) => ({ field, ...change }));
  return (
    <Table<ChangeRow>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      style={{ maxWidth: 720 }}
      columns={[
        {
          title: '字段',
          dataIndex: 'field',
          render: (field: string) =>
            FIELD_LABELS[field] ? (
              <span>
                {FIELD_LABELS[field]} <Typography.Text type="secondary">{field}</Typography.Text>
              </span>
            ) : (
              field
            ),
        },
        {
          title: '修改前',
          dataIndex: 'before',
          render: (_: unknown, row) => displayValue(row.field, entry.entityType, row.before),
        },
        {
          title: '修改后',
          dataIndex: 'after',
          render: (_: unknown, row) => displayValue(row.field, entry.entityType, row.after),
        },
      ]}
    />
  );
}

import type { TableProps } from 'antd';
import { Empty, Progress, Table, Tag } from 'antd';
import type { Severity } from '../../../common/complaints.ts';
import { SEVERITIES, SEVERITY_COLORS } from '../../../common/complaints.ts';
import type { ComplaintShare } from '../../data/hooks/complaint-reports.ts';
import { formatNumber } from '../../lib/format.ts';

export type ShareDimension = 'specialty' | 'severity' | 'project';

const NAME_TITLES: Record<ShareDimension, string> = { specialty: '专业', severity: '性质', project: '项目' };

function isSeverity(key: string): key is Severity {
  return (SEVERITIES as readonly string[]).includes(key);
}

export function formatShare(share: number): string {
  return `${formatNumber(Math.round(share * 1000) / 10)}%`;
}

/** Counts and shares of one breakdown (by specialty, severity or project). */
export function ShareTable({ rows, dimension, loading }: { rows: ComplaintShare[]; dimension: ShareDimension; loading?: boolean }) {
  const columns: TableProps<ComplaintShare>['columns'] = [
    {
      title: NAME_TITLES[dimension],
      dataIndex: 'label',
      render: (label: string, row) =>
        dimension === 'severity' && isSeverity(row.key) ? <Tag color={SEVERITY_COLORS[row.key]}>{label}</Tag> : label,
    },
    { title: '数量', dataIndex: 'count', align: 'right', render: (value: number) => formatNumber(value) },
    {
      title: '占比',
      dataIndex: 'share',
      width: 180,
      render: (share: number) => (
        <Progress percent={Math.round(share * 1000) / 10} size="small" format={() => formatShare(share)} />
      ),
    },
  ];
  return (
    <Table<ComplaintShare>
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={rows.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无投诉" /> }}
    />
  );
}

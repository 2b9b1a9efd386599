import type { TableProps } from 'antd';
import { Card, Empty, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { COMPLAINT_STATUS_LABELS, SEVERITY_COLORS, SEVERITY_LABELS, SPECIALTY_LABELS } from '../../../common/complaints.ts';
import type { ComplaintListItem } from '../../../common/contracts/complaints.ts';
import { formatDateTime } from '../../lib/format.ts';

const where = (c: ComplaintListItem) => [c.projectName, c.buildingName, c.unitNumber].filter(Boolean).join(' · ');

const columns: TableProps<ComplaintListItem>['columns'] = [
  { title: '编号', dataIndex: 'no', render: (no: string, c) => <Link to={`/complaints/${c.id}`}>{no}</Link> },
  { title: '标题', dataIndex: 'title', render: (title: string, c) => <Link to={`/complaints/${c.id}`}>{title}</Link> },
  { title: '位置', key: 'where', render: (_: unknown, c) => where(c) },
  { title: '专业', dataIndex: 'specialty', render: (_: unknown, c) => SPECIALTY_LABELS[c.specialty] },
  {
    title: '性质',
    dataIndex: 'severity',
    render: (_: unknown, c) => <Tag color={SEVERITY_COLORS[c.severity]}>{SEVERITY_LABELS[c.severity]}</Tag>,
  },
  {
    title: '状态',
    dataIndex: 'status',
    render: (_: unknown, c) => (
      <Space size={4}>
        <Tag color={c.status === 'closed' ? 'default' : 'blue'}>{COMPLAINT_STATUS_LABELS[c.status]}</Tag>
        {c.overdue && <Tag color="red">已超时</Tag>}
      </Space>
    ),
  },
  { title: '受理时间', dataIndex: 'filedAt', render: (at: string) => formatDateTime(at) },
];

/** The complaints management should look at (major, hot, overdue), each linking to its record. */
export function NotableComplaints({ items }: { items: ComplaintListItem[] }) {
  return (
    <Card title="重点投诉">
      <Table<ComplaintListItem>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={items}
        pagination={items.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本期没有需要关注的投诉" /> }}
      />
    </Card>
  );
}

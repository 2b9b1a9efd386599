import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import type { TableProps } from 'antd';
import { Button, Card, DatePicker, Form, Input, Select, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AuditAction, AuditEntry } from '../../../common/contracts/audit.ts';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, ENTITY_TYPE_LABELS } from '../../../common/contracts/audit.ts';
import type { AuditFilters } from '../../data/hooks/audit.ts';
import { useAuditLogs } from '../../data/hooks/audit.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { EMPTY_TEXT, formatDateTime, shanghaiNow, toShanghaiIso } from '../../lib/format.ts';
import { AuditChanges } from './audit-changes.tsx';

type FilterValues = {
  action?: AuditAction;
  entityType?: string;
  q?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
};

const ACTION_OPTIONS = AUDIT_ACTIONS.map((value) => ({ value, label: AUDIT_ACTION_LABELS[value] }));
const ENTITY_OPTIONS = Object.entries(ENTITY_TYPE_LABELS).map(([value, label]) => ({ value, label }));

const ACTION_COLORS: Partial<Record<AuditAction, string>> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  'login.success': 'cyan',
  'login.failure': 'volcano',
  'password.change': 'purple',
  'password.reset': 'purple',
  'token.create': 'geekblue',
  'token.revoke': 'orange',
  reveal: 'gold',
  export: 'gold',
};

// Functions, so 「今天」 means today even when the page has been open since yesterday; in Shanghai time.
const RANGE_PRESETS: { label: string; value: () => [Dayjs, Dayjs] }[] = [
  { label: '今天', value: () => [shanghaiNow().startOf('day'), shanghaiNow().endOf('day')] },
  { label: '最近 7 天', value: () => [shanghaiNow().subtract(6, 'day').startOf('day'), shanghaiNow().endOf('day')] },
  { label: '最近 30 天', value: () => [shanghaiNow().subtract(29, 'day').startOf('day'), shanghaiNow().endOf('day')] },
];

function toFilters(values: FilterValues): AuditFilters {
  const [from, to] = values.range ?? [null, null];
  return {
    action: values.action,
    entityType: values.entityType,
    q: values.q?.trim() || undefined,
    from: from ? toShanghaiIso(from) : undefined,
    to: to ? toShanghaiIso(to, true) : undefined,
  };
}

const columns: TableProps<AuditEntry>['columns'] = [
  { title: '时间', dataIndex: 'at', render: (at: string) => formatDateTime(at) },
  { title: '操作人', dataIndex: 'actorName', render: (name: string) => name || EMPTY_TEXT },
  {
    title: '操作',
    dataIndex: 'action',
    render: (action: AuditAction) => <Tag color={ACTION_COLORS[action]}>{AUDIT_ACTION_LABELS[action] ?? action}</Tag>,
  },
  {
    title: '对象类型',
    dataIndex: 'entityType',
    render: (type: string) => ENTITY_TYPE_LABELS[type] ?? type,
  },
  { title: '对象', dataIndex: 'entityLabel', render: (label: string) => label || EMPTY_TEXT },
  { title: 'IP', dataIndex: 'ip', render: (ip: string | null) => ip ?? EMPTY_TEXT },
];

function hasChanges(entry: AuditEntry): boolean {
  return entry.changes !== null && Object.keys(entry.changes).length > 0;
}

export function AuditPage() {
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<AuditFilters>({});
  const query = useAuditLogs(filters);
  const filtered = Object.values(filters).some(Boolean);

  return (
    <>
      <PageHeader title="审计日志" />
      <Card>
        <Form<FilterValues>
          form={form}
          layout="inline"
          onFinish={(values) => setFilters(toFilters(values))}
          style={{ rowGap: 12, marginBottom: 16 }}
        >
          <Form.Item label="操作" name="action">
            <Select allowClear placeholder="全部操作" options={ACTION_OPTIONS} style={{ minWidth: 140 }} />
          </Form.Item>
          <Form.Item label="对象类型" name="entityType">
            <Select allowClear placeholder="全部类型" options={ENTITY_OPTIONS} style={{ minWidth: 140 }} />
          </Form.Item>
          <Form.Item label="关键词" name="q">
            <Input allowClear maxLength={64} placeholder="操作人或对象名称" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label="时间" name="range">
            <DatePicker.RangePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              presets={RANGE_PRESETS}
              placeholder={['开始时间', '结束时间']}
              allowEmpty={[true, true]}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              查询
            </Button>
          </Form.Item>
          <Form.Item>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                form.resetFields();
                setFilters({});
              }}
            >
              重置
            </Button>
          </Form.Item>
        </Form>
        <PagedTable<AuditEntry>
          query={query}
          rowKey="id"
          size="middle"
          columns={columns}
          expandable={{
            rowExpandable: hasChanges,
            expandedRowRender: (entry) => <AuditChanges entry={entry} />,
          }}
          emptyText={filtered ? '没有符合条件的审计记录' : '暂无审计记录'}
        />
      </Card>
    </>
  );
}

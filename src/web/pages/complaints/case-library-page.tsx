import { Card, Collapse, Space, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { SPECIALTY_LABELS } from '../../../common/complaints.ts';
import type { ComplaintCase } from '../../../common/contracts/complaints.ts';
import type { CaseFilters } from '../../data/hooks/complaints.ts';
import { useComplaintCases } from '../../data/hooks/complaints.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedCards } from '../../components/paged-cards.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { useIsPhone } from '../../components/use-media-query.ts';
import { formatDate } from '../../lib/format.ts';
import { CaseText } from './case-form.tsx';
import { SPECIALTY_OPTIONS } from './complaint-options.ts';
import { SeverityTag } from './complaint-tags.tsx';
import { FilterSelect } from '../../components/filter-select.tsx';
import { SearchBox } from '../../components/search-box.tsx';

const columns: NonNullable<TableProps<ComplaintCase>['columns']> = [
  { title: '案例标题', key: 'title', render: (_: unknown, k) => <Typography.Text strong>{k.title}</Typography.Text> },
  { title: '项目', key: 'project', render: (_: unknown, k) => k.projectName },
  { title: '专业', key: 'specialty', render: (_: unknown, k) => SPECIALTY_LABELS[k.specialty] },
  { title: '性质', key: 'severity', render: (_: unknown, k) => <SeverityTag severity={k.severity} /> },
  { title: '来源投诉', key: 'complaint', render: (_: unknown, k) => <Link to={`/complaints/${k.complaintId}`}>{k.complaintNo}</Link> },
  { title: '撰写人', key: 'author', render: (_: unknown, k) => k.authorName },
  { title: '更新日期', key: 'updatedAt', render: (_: unknown, k) => formatDate(k.updatedAt) },
];

function CaseCard({ value: k }: { value: ComplaintCase }) {
  return (
    <>
      <div className="stack-card-head">
        <Typography.Text strong>{k.title}</Typography.Text>
        <SeverityTag severity={k.severity} />
      </div>
      <div className="stack-card-meta">
        {k.projectName} · {SPECIALTY_LABELS[k.specialty]} · <Link to={`/complaints/${k.complaintId}`}>{k.complaintNo}</Link>
      </div>
      <Collapse size="small" ghost items={[{ key: 'text', label: '查看全文', children: <CaseText value={k} /> }]} />
    </>
  );
}

/** 案例库: the write-ups of handled complaints, searchable, each opening to its full text. */
export function CaseLibraryPage() {
  const isPhone = useIsPhone();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters: CaseFilters = useMemo(
    () => ({ q: searchParams.get('q') || undefined, specialty: searchParams.get('specialty') || undefined }),
    [searchParams],
  );
  const query = useComplaintCases(filters);

  const change = (patch: CaseFilters) => {
    const next = { ...filters, ...patch };
    const record: Record<string, string> = {};
    if (next.q) record.q = next.q;
    if (next.specialty) record.specialty = next.specialty;
    setSearchParams(new URLSearchParams(record), { replace: true });
  };
  const emptyText = filters.q || filters.specialty ? '没有符合条件的案例' : '暂无案例。重大投诉关闭前须撰写案例，其他投诉也可在详情页撰写。';

  return (
    <>
      <PageHeader title="案例库">
        <Typography.Text type="secondary">典型投诉的背景、原因分析、处理过程和经验教训，供处理类似投诉时参考。</Typography.Text>
      </PageHeader>
      <Card>
        <div className="toolbar">
          <SearchBox value={filters.q} onSearch={(q) => change({ q })} placeholder="搜索案例标题、内容" label="搜索案例" maxLength={50} />
          <FilterSelect label="专业" minWidth={140} value={filters.specialty} options={SPECIALTY_OPTIONS} onChange={(value: string | undefined) => change({ specialty: value })} />
        </div>
        {isPhone ? (
          <PagedCards<ComplaintCase> query={query} rowKey={(k) => k.id} emptyText={emptyText} renderItem={(k) => <CaseCard value={k} />} />
        ) : (
          <PagedTable<ComplaintCase>
            query={query}
            rowKey="id"
            size="middle"
            columns={columns}
            emptyText={emptyText}
            expandable={{
              expandRowByClick: true,
              expandedRowRender: (k) => (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <CaseText value={k} />
                </Space>
              ),
            }}
          />
        )}
      </Card>
    </>
  );
}

import type { TableProps } from 'antd';
import { Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Prospect } from '../../../common/contracts/customers.ts';
import { formatDateTime } from '../../lib/format.ts';
import { DueDate, GradeTag, StageTag } from './customer-tags.tsx';

export const POOL_OWNER_TEXT = '公客池';

function CustomerName({ prospect, link }: { prospect: Prospect; link: boolean }) {
  return link ? (
    <Link to={`/customers/${prospect.customer.id}`}>{prospect.customer.name}</Link>
  ) : (
    <Typography.Text strong>{prospect.customer.name}</Typography.Text>
  );
}

/** The prospect list's columns (客户姓名 … 下次跟进); pages add their own (回收原因, 操作). */
export function prospectColumns({ link = true } = {}): NonNullable<TableProps<Prospect>['columns']> {
  return [
    {
      title: '客户姓名',
      key: 'name',
      render: (_: unknown, p) => <CustomerName prospect={p} link={link} />,
    },
    { title: '手机', key: 'mobile', render: (_: unknown, p) => p.customer.mobile },
    { title: '项目', key: 'project', render: (_: unknown, p) => p.project.name },
    { title: '置业顾问', key: 'owner', render: (_: unknown, p) => p.owner?.name ?? POOL_OWNER_TEXT },
    { title: '阶段', key: 'stage', render: (_: unknown, p) => <StageTag stage={p.stage} /> },
    { title: '等级', key: 'grade', render: (_: unknown, p) => <GradeTag grade={p.grade} /> },
    { title: '最近联系', key: 'lastContactAt', render: (_: unknown, p) => formatDateTime(p.lastContactAt) },
    { title: '下次跟进', key: 'nextFollowUpAt', render: (_: unknown, p) => <DueDate at={p.nextFollowUpAt} /> },
  ];
}

type ProspectCardProps = {
  prospect: Prospect;
  link?: boolean;
  /** false on the consultant's own board, where every owner is the reader. */
  showOwner?: boolean;
  /** false in the pool, where nothing is due. */
  showDue?: boolean;
  children?: ReactNode;
  actions?: ReactNode;
};

/** One prospect as a card (phone lists and the boards). */
export function ProspectCard({ prospect: p, link = true, showOwner = true, showDue = true, children, actions }: ProspectCardProps) {
  return (
    <>
      <div className="stack-card-head">
        <Space size={6} wrap>
          <CustomerName prospect={p} link={link} />
          <StageTag stage={p.stage} />
          <GradeTag grade={p.grade} />
        </Space>
        <Typography.Text type="secondary">{p.customer.mobile}</Typography.Text>
      </div>
      <div className="stack-card-meta">
        {p.project.name}
        {showOwner && ` · 置业顾问 ${p.owner?.name ?? POOL_OWNER_TEXT}`}
      </div>
      {showDue && (
        <div className="stack-card-meta">
          下次跟进：<DueDate at={p.nextFollowUpAt} />
        </div>
      )}
      {children}
      {actions && <div className="stack-card-actions">{actions}</div>}
    </>
  );
}

import { FormOutlined, ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Col, Empty, Row, Skeleton } from 'antd';
import { useState } from 'react';
import type { Prospect } from '../../../common/contracts/customers.ts';
import type { MyBoard } from '../../data/hooks/prospects.ts';
import { useMyBoard } from '../../data/hooks/prospects.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { FollowUpModal } from './follow-up-modal.tsx';
import { ProspectCard } from './prospect-columns.tsx';

const COLUMNS: { key: keyof MyBoard; title: string; color: string; empty: string }[] = [
  { key: 'today', title: '今日待跟进', color: 'orange', empty: '今天没有待跟进的客户' },
  { key: 'overdue', title: '已逾期', color: 'red', empty: '没有逾期的客户' },
  { key: 'newlyAssigned', title: '新分配', color: 'blue', empty: '没有新分配的客户' },
];

/** 「我的跟进」: the consultant's day — due today, overdue, newly assigned — with one-click 「写跟进」. */
export function MyBoardPage() {
  const board = useMyBoard();
  const [writing, setWriting] = useState<Prospect | null>(null);

  let content;
  if (board.isPending) content = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (board.isError) content = <QueryError error={board.error} onRetry={() => void board.refetch()} />;
  else {
    content = (
      <Row gutter={[16, 16]}>
        {COLUMNS.map((column) => {
          const items = board.data[column.key];
          return (
            <Col xs={24} lg={8} key={column.key}>
              <section aria-label={column.title} data-board={column.key}>
                <Card
                  className="board-column"
                  title={
                    <span>
                      {column.title} <Badge count={items.length} showZero color={column.color} />
                    </span>
                  }
                >
                  {items.length === 0 ? (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={column.empty} />
                  ) : (
                    <div className="card-stack">
                      {items.map((prospect) => (
                        <div className="stack-card" key={prospect.id}>
                          <ProspectCard
                            prospect={prospect}
                            showOwner={false}
                            actions={
                              <Button type="primary" icon={<FormOutlined />} onClick={() => setWriting(prospect)}>
                                写跟进
                              </Button>
                            }
                          />
                        </div>
                      ))}
                    </div>
                  )}
                </Card>
              </section>
            </Col>
          );
        })}
      </Row>
    );
  }

  return (
    <>
      <PageHeader
        title="我的跟进"
        extra={
          <Button icon={<ReloadOutlined />} loading={board.isFetching && !board.isPending} onClick={() => void board.refetch()}>
            刷新
          </Button>
        }
      />
      {content}
      {writing && <FollowUpModal prospect={writing} onClose={() => setWriting(null)} />}
    </>
  );
}

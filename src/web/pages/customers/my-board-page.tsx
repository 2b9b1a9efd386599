import { FormOutlined, ReloadOutlined } from '@ant-design/icons';
import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, Col, Empty, Row, Skeleton } from 'antd';
import { useMemo, useState } from 'react';
import type { Prospect } from '../../../common/contracts/customers.ts';
import type { MyBoardColumn } from '../../data/hooks/prospects.ts';
import { useMyBoardColumn } from '../../data/hooks/prospects.ts';
import { BOARDS_KEY } from '../../data/keys.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { formatNumber } from '../../lib/format.ts';
import { FollowUpModal } from './follow-up-modal.tsx';
import { ProspectCard } from './prospect-columns.tsx';

const COLUMNS: { key: MyBoardColumn; title: string; color: string; empty: string }[] = [
  { key: 'today', title: '今日待跟进', color: 'orange', empty: '今天没有待跟进的客户' },
  { key: 'overdue', title: '已逾期', color: 'red', empty: '没有逾期的客户' },
  { key: 'newlyAssigned', title: '新分配', color: 'blue', empty: '没有新分配的客户' },
];

const MY_BOARD_KEY = [...BOARDS_KEY, 'mine'];

type ColumnProps = { column: (typeof COLUMNS)[number]; onWrite: (prospect: Prospect) => void };

/** One column: its real total in the badge, the prospects a page at a time (加载更多). */
function BoardColumnCard({ column, onWrite }: ColumnProps) {
  const query = useMyBoardColumn(column.key);
  const items = useMemo(() => {
    const seen = new Set<string>();
    // A prospect can move between pages while they load (a follow-up written meanwhile).
    return (query.data?.pages ?? []).flatMap((page) => page.items).filter((p) => !seen.has(p.id) && Boolean(seen.add(p.id)));
  }, [query.data]);
  const total = query.data?.pages[0]?.total ?? 0;

  let body;
  if (query.isPending) body = <Skeleton active paragraph={{ rows: 4 }} />;
  else if (query.isError) body = <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  else if (items.length === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={column.empty} />;
  else {
    body = (
      <div className="card-stack">
        {items.map((prospect) => (
          <div className="stack-card" key={prospect.id}>
            <ProspectCard
              prospect={prospect}
              showOwner={false}
              actions={
                <Button type="primary" icon={<FormOutlined />} onClick={() => onWrite(prospect)}>
                  写跟进
                </Button>
              }
            />
          </div>
        ))}
        {query.hasNextPage && (
          <Button block loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {`加载更多（已显示 ${formatNumber(items.length)} / ${formatNumber(total)}）`}
          </Button>
        )}
      </div>
    );
  }

  return (
    <section aria-label={column.title} data-board={column.key}>
      <Card
        className="board-column"
        title={
          <span>
            {column.title} <Badge count={total} showZero overflowCount={999_999} color={column.color} title={`共 ${total} 位`} />
          </span>
        }
      >
        {body}
      </Card>
    </section>
  );
}

/** 「我的跟进」: the consultant's day — due today, overdue, newly assigned — with one-click 「写跟进」. */
export function MyBoardPage() {
  const client = useQueryClient();
  const fetching = useIsFetching({ queryKey: MY_BOARD_KEY }) > 0;
  const [writing, setWriting] = useState<Prospect | null>(null);

  return (
    <>
      <PageHeader
        title="我的跟进"
        extra={
          <Button icon={<ReloadOutlined />} loading={fetching} onClick={() => void client.invalidateQueries({ queryKey: MY_BOARD_KEY })}>
            刷新
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        {COLUMNS.map((column) => (
          <Col xs={24} lg={8} key={column.key}>
            <BoardColumnCard column={column} onWrite={setWriting} />
          </Col>
        ))}
      </Row>
      {writing && <FollowUpModal prospect={writing} onClose={() => setWriting(null)} />}
    </>
  );
}

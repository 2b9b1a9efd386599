import { CheckOutlined, ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Segmented, Space, Spin, Typography } from 'antd';
import type { KeyboardEvent } from 'react';
import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { Notification } from '../../../common/contracts/notifications.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useApiErrorHandler } from '../../components/use-api-error.ts';
import {
  isAppLink,
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
  useNotifications,
  useUnreadNotificationCount,
} from '../../data/hooks/notifications.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';

type Filter = 'all' | 'unread';

function NotificationRow({ item, onOpen }: { item: Notification; onOpen: (item: Notification) => void }) {
  const unread = item.readAt === null;
  const clickable = unread || isAppLink(item.link);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(item);
    }
  };
  return (
    <li
      className="stack-card"
      role={clickable ? 'button' : undefined}
      tabIndex={clickable ? 0 : undefined}
      onClick={clickable ? () => onOpen(item) : undefined}
      onKeyDown={clickable ? onKeyDown : undefined}
      aria-label={unread ? `未读：${item.title}` : item.title}
      style={{ cursor: clickable ? 'pointer' : 'default', background: unread ? '#f0f7ff' : undefined }}
    >
      <div className="stack-card-head">
        <Space size={8}>
          {unread && <Badge status="processing" />}
          <Typography.Text strong={unread}>{item.title}</Typography.Text>
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(item.createdAt)}
        </Typography.Text>
      </div>
      {item.body && <div className="stack-card-meta timeline-detail">{item.body}</div>}
    </li>
  );
}

/** 「消息中心」: the user's notifications, newest first; opening one marks it read and follows its link. */
export function NotificationsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filter: Filter = searchParams.get('unread') === 'true' ? 'unread' : 'all';
  const list = useNotifications(filter === 'unread');
  const unread = useUnreadNotificationCount();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const navigate = useNavigate();
  const onError = useApiErrorHandler();
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const unreadCount = unread.data ?? 0;

  const open = (item: Notification) => {
    if (item.readAt === null) markRead.mutate(item.id, { onError: (error) => onError(error) });
    if (isAppLink(item.link)) void navigate(item.link);
  };

  const readAll = () => markAll.mutate(undefined, { onError: (error) => onError(error) });

  return (
    <>
      <PageHeader
        title="消息中心"
        extra={
          <Space wrap>
            <Button icon={<ReloadOutlined />} loading={list.isFetching && !list.isPending && !list.isFetchingNextPage} onClick={() => void list.refetch()}>
              刷新
            </Button>
            <Button icon={<CheckOutlined />} disabled={unreadCount === 0} loading={markAll.isPending} onClick={readAll}>
              全部标为已读
            </Button>
          </Space>
        }
      />
      <Card>
        <div className="toolbar">
          <Segmented<Filter>
            aria-label="筛选消息"
            value={filter}
            options={[
              { value: 'all', label: '全部' },
              { value: 'unread', label: unreadCount > 0 ? `未读（${formatNumber(unreadCount)}）` : '未读' },
            ]}
            onChange={(value) => setSearchParams(value === 'unread' ? { unread: 'true' } : {}, { replace: true })}
          />
        </div>
        {list.isError && !list.data ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : list.isPending ? (
          <div className="center-fill">
            <Spin description="加载中…" />
          </div>
        ) : rows.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filter === 'unread' ? '没有未读消息' : '暂无消息'} />
        ) : (
          <>
            <ul className="plain-list card-stack">
              {rows.map((item) => (
                <NotificationRow key={item.id} item={item} onOpen={open} />
              ))}
            </ul>
            <div className="paged-table-footer">
              {list.hasNextPage ? (
                <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                  加载更多
                </Button>
              ) : (
                <Typography.Text type="secondary">已加载全部 {formatNumber(rows.length)} 条</Typography.Text>
              )}
            </div>
            {list.isFetchNextPageError && <QueryError error={list.error} onRetry={() => void list.fetchNextPage()} />}
          </>
        )}
      </Card>
    </>
  );
}

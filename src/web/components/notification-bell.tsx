import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Notification } from '../../common/contracts/notifications.ts';
import {
  isAppLink,
  useLatestNotifications,
  useMarkNotificationRead,
  useUnreadNotificationCount,
} from '../data/hooks/notifications.ts';
import { formatDateTime } from '../lib/format.ts';
import { useIsPhone } from './use-media-query.ts';

const LATEST = 5;

function BellItem({ item, onOpen }: { item: Notification; onOpen: (item: Notification) => void }) {
  const unread = item.readAt === null;
  return (
    <li>
      <button
        type="button"
        onClick={() => onOpen(item)}
        style={{
          display: 'block',
          width: '100%',
          padding: '8px 10px',
          textAlign: 'start',
          background: unread ? '#f0f7ff' : 'transparent',
          border: 'none',
          borderRadius: 6,
          cursor: 'pointer',
          font: 'inherit',
        }}
      >
        <div style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
          {unread && <Badge status="processing" />}
          <Typography.Text strong={unread} ellipsis style={{ flex: 1, minWidth: 0 }}>
            {item.title}
          </Typography.Text>
        </div>
        {item.body && (
          <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
            {item.body}
          </Typography.Text>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(item.createdAt)}
        </Typography.Text>
      </button>
    </li>
  );
}

function LatestList({ onOpen, onClose }: { onOpen: (item: Notification) => void; onClose: () => void }) {
  const latest = useLatestNotifications(LATEST, true);
  const items = latest.data ?? [];
  return (
    <div style={{ width: 'min(320px, calc(100vw - 32px))' }}>
      {latest.isPending ? (
        <div className="center-fill" style={{ minHeight: 120 }}>
          <Spin />
        </div>
      ) : latest.isError ? (
        <Typography.Text type="danger">消息加载失败，请稍后重试</Typography.Text>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无消息" />
      ) : (
        <ul className="plain-list">
          {items.map((item) => (
            <BellItem key={item.id} item={item} onOpen={onOpen} />
          ))}
        </ul>
      )}
      <div style={{ borderTop: '1px solid #f0f0f0', marginTop: 8, paddingTop: 8, textAlign: 'center' }}>
        <Link to="/notifications" onClick={onClose}>
          查看全部消息
        </Link>
      </div>
    </div>
  );
}

/** The header's bell: the unread count (polled), and the latest few on click (on a phone, the centre itself). */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const unread = useUnreadNotificationCount();
  const markRead = useMarkNotificationRead();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const count = unread.data ?? 0;
  const label = count > 0 ? `消息中心，${count} 条未读` : '消息中心';
  const bell = (onClick?: () => void) => (
    <Badge count={count} overflowCount={99} size="small" offset={[-4, 4]}>
      <Button type="text" icon={<BellOutlined style={{ fontSize: 18 }} />} aria-label={label} onClick={onClick} />
    </Badge>
  );

  const openItem = (item: Notification) => {
    setOpen(false);
    if (item.readAt === null) markRead.mutate(item.id);
    if (isAppLink(item.link)) void navigate(item.link);
  };

  // A phone has no room for the dropdown beside the header: the bell opens the centre.
  if (isPhone) return bell(() => void navigate('/notifications'));

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title="消息"
      content={open ? <LatestList onOpen={openItem} onClose={() => setOpen(false)} /> : null}
      destroyOnHidden
    >
      {bell()}
    </Popover>
  );
}

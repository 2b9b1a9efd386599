import {
  AlertOutlined,
  CalendarOutlined,
  EnvironmentOutlined,
  FlagOutlined,
  HomeOutlined,
  ImportOutlined,
  InboxOutlined,
  MessageOutlined,
  PhoneOutlined,
  StarOutlined,
  SwapOutlined,
  UserAddOutlined,
  WechatOutlined,
} from '@ant-design/icons';
import { Button, Empty, Skeleton, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { InteractionType } from '../../../common/customers.ts';
import { INTERACTION_TYPE_LABELS } from '../../../common/customers.ts';
import type { TimelineEntry } from '../../data/hooks/customers.ts';
import { useTimeline } from '../../data/hooks/customers.ts';
import { QueryError } from '../../components/query-error.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { stageLabel } from './options.ts';
import { POOL_OWNER_TEXT } from './prospect-columns.tsx';

const INTERACTION_ICONS: Record<InteractionType, ReactNode> = {
  visit: <HomeOutlined />,
  call_in: <PhoneOutlined />,
  call_out: <PhoneOutlined />,
  wechat: <WechatOutlined />,
  sms: <MessageOutlined />,
  event: <CalendarOutlined />,
  site_tour: <EnvironmentOutlined />,
};

type Described = { title: string; detail?: string; icon: ReactNode; color: string };

const withReason = (text: string, reason: string) => (reason ? `${text}（${reason}）` : text);

/** One timeline entry in words: 「阶段：潜在 → 意向」, 「归属：张伟 → 李娜（离职交接）」, … */
export function describeEntry(entry: TimelineEntry): Described {
  switch (entry.kind) {
    case 'interaction': {
      const type = entry.interactionType;
      return {
        title: type ? INTERACTION_TYPE_LABELS[type] : '跟进',
        detail: entry.content,
        icon: type ? INTERACTION_ICONS[type] : <MessageOutlined />,
        color: 'blue',
      };
    }
    case 'created':
      return {
        title: entry.to ? `登记客户：${stageLabel(entry.to)}` : '登记客户',
        detail: entry.content || undefined,
        icon: <UserAddOutlined />,
        color: 'green',
      };
    case 'stage':
      return {
        title: withReason(`阶段：${stageLabel(entry.from)} → ${stageLabel(entry.to)}`, entry.reason),
        icon: <FlagOutlined />,
        color: entry.to === 'lost' ? 'red' : 'green',
      };
    case 'grade':
      return {
        title: withReason(`等级：${entry.from ?? '—'} → ${entry.to ?? '—'}`, entry.reason),
        icon: <StarOutlined />,
        color: 'orange',
      };
    case 'owner':
      return {
        title: withReason(`归属：${entry.from ?? POOL_OWNER_TEXT} → ${entry.to ?? POOL_OWNER_TEXT}`, entry.reason),
        icon: <SwapOutlined />,
        color: 'purple',
      };
    case 'pooled':
      return {
        title: entry.reason ? `回收至公客池：${entry.reason}` : '回收至公客池',
        icon: <InboxOutlined />,
        color: 'gray',
      };
    case 'complaint':
      return { title: '投诉', detail: entry.content, icon: <AlertOutlined />, color: 'red' };
    case 'claimed':
      return {
        title: entry.to ? `从公客池领取：${entry.to}` : '从公客池领取',
        icon: <ImportOutlined />,
        color: 'cyan',
      };
  }
}

/** 跟进时间线: follow-ups and every change of stage, grade, owner and pool, newest first, a page at a time. */
export function CustomerTimeline({ customerId }: { customerId: string }) {
  const timeline = useTimeline(customerId);
  const entries = useMemo(() => {
    const seen = new Set<string>();
    // A follow-up added on this page is put on the first page at once; never show it twice.
    return (timeline.data?.pages ?? []).flatMap((page) => page.items).filter((e) => !seen.has(e.id) && Boolean(seen.add(e.id)));
  }, [timeline.data]);

  if (timeline.isPending) return <Skeleton active />;
  if (timeline.isError) return <QueryError error={timeline.error} onRetry={() => void timeline.refetch()} />;
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无跟进记录" />;

  return (
    <>
      <Timeline
        className="customer-timeline"
        items={entries.map((entry) => {
          const d = describeEntry(entry);
          return {
            key: entry.id,
            color: d.color,
            icon: d.icon,
            content: (
              <div className="timeline-entry" data-kind={entry.kind}>
                <div>
                  {entry.kind === 'interaction' ? <Tag color="blue">{d.title}</Tag> : <Typography.Text strong>{d.title}</Typography.Text>}
                </div>
                {d.detail && <div className="timeline-detail">{entry.kind === 'complaint' && entry.to ? <Link to={`/complaints/${entry.to}`}>{d.detail}</Link> : d.detail}</div>}
                <Typography.Text type="secondary" className="timeline-meta">
                  {[formatDateTime(entry.at), entry.projectName, entry.actorName].filter(Boolean).join(' · ')}
                </Typography.Text>
              </div>
            ),
          };
        })}
      />
      {timeline.hasNextPage && (
        <Button block loading={timeline.isFetchingNextPage} onClick={() => void timeline.fetchNextPage()}>
          加载更多
        </Button>
      )}
    </>
  );
}

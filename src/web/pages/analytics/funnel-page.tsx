import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Space, Spin, Typography } from 'antd';
import type { Funnel } from '../../../common/contracts/analytics.ts';
import { useSession } from '../../auth/session.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { QueryError } from '../../components/query-error.tsx';
import type { FunnelResult } from '../../data/hooks/analytics.ts';
import { useFunnel } from '../../data/hooks/analytics.ts';
import { formatNumber } from '../../lib/format.ts';
import { FunnelChartCard } from './funnel-chart.tsx';
import { useFunnelFilters } from './funnel-filters.ts';
import { FunnelGroupTable } from './funnel-group-table.tsx';
import { FunnelRankingCard } from './funnel-ranking.tsx';
import { FunnelSourceMix } from './funnel-source-mix.tsx';
import { FunnelSummary } from './funnel-summary.tsx';
import { FunnelToolbar } from './funnel-toolbar.tsx';

function FunnelEmpty({ funnel, filtered }: { funnel: Funnel; filtered: boolean }) {
  return (
    <Card>
      <Empty
        description={
          <Space orientation="vertical" size={4}>
            <span>{filtered ? '所选期间内没有符合条件的新增客户' : '所选期间内没有新增客户'}</span>
            {funnel.registrations > 0 && (
              <Typography.Text type="secondary">期间经纪人报备 {formatNumber(funnel.registrations)} 组，尚未形成客户</Typography.Text>
            )}
          </Space>
        }
      />
    </Card>
  );
}

function FunnelContent({ funnel }: { funnel: FunnelResult }) {
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <FunnelSummary funnel={funnel} />
      <FunnelChartCard funnel={funnel} />
      <FunnelGroupTable groupBy={funnel.groupBy} rows={funnel.rows} total={funnel.total} registrations={funnel.registrations} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <FunnelSourceMix rows={funnel.sourceMix} />
        </Col>
        <Col xs={24} xl={12}>
          <FunnelRankingCard ranking={funnel.ranking} />
        </Col>
      </Row>
    </Space>
  );
}

/** 「销售漏斗」: the prospects of a period from lead to contract, by channel, consultant or project. */
export function FunnelPage() {
  const { can } = useSession();
  const { query, period, patch, setPeriod, setGroupBy } = useFunnelFilters();
  const funnel = useFunnel(query);
  const data = funnel.data;
  const refreshing = funnel.isFetching && !funnel.isPending;

  return (
    <>
      <PageHeader
        title="销售漏斗"
        extra={
          <Button icon={<ReloadOutlined />} loading={refreshing} onClick={() => void funnel.refetch()}>
            刷新
          </Button>
        }
      >
        <Typography.Text type="secondary">
          统计期间内新增的客户走到了哪一步：线索 → 来访 → 认筹 → 认购 → 签约。认筹、认购、签约与成交客户来源只计仍有效的成交：已退筹、退订或退房且未再成交的客户不计入相应步骤；来访到签约中位天数只计有效签约。
        </Typography.Text>
      </PageHeader>
      <FunnelToolbar
        query={query}
        period={period}
        onPeriod={setPeriod}
        onProject={(projectId) => patch({ projectId })}
        onChannel={(channel) => patch({ channel })}
        onConsultant={can('users.read') ? (consultantId) => patch({ consultantId }) : undefined}
        onGroupBy={setGroupBy}
      />
      {funnel.isError && !data ? (
        <QueryError error={funnel.error} onRetry={() => void funnel.refetch()} />
      ) : !data ? (
        <PageLoading />
      ) : (
        <Spin spinning={refreshing && funnel.isPlaceholderData} description="加载中…">
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            {funnel.isError && <QueryError error={funnel.error} onRetry={() => void funnel.refetch()} />}
            {data.total.leads === 0 ? (
              <FunnelEmpty funnel={data} filtered={Boolean(query.projectId || query.channel || query.consultantId)} />
            ) : (
              <FunnelContent funnel={data} />
            )}
          </Space>
        </Spin>
      )}
    </>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Registration } from '../../../common/contracts/channels.ts';
import { useBrokerProjects, useBrokerRegistrations } from '../../data/hooks/channels.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedCards } from '../../components/paged-cards.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { useIsPhone } from '../../components/use-media-query.ts';
import { BrokerAppealList } from './appeal-broker-list.tsx';
import { AppealCreateModal } from './appeal-create-modal.tsx';
import { BrokerRegistrationCard, brokerRegistrationColumns } from './broker-registration-columns.tsx';
import type { AppealTarget } from './register-modal.tsx';
import { RegisterModal } from './register-modal.tsx';
import { RegistrationFilterBar } from './registration-filter-bar.tsx';
import { useRegistrationFilters } from './use-registration-filters.ts';

const appealTargetOf = (r: Registration): AppealTarget => ({ registrationId: r.id, title: `${r.customerName} ${r.mobile} · ${r.projectName}` });

/** 我的报备 (经纪人, mostly on a phone): 「报备客户」 on top, then the broker's registrations and, on a
 * second tab, 我的申诉 with each appeal's outcome. */
export function BrokerRegistrationsPage() {
  const isPhone = useIsPhone();
  const { filters, filtered, change, clear } = useRegistrationFilters();
  const projects = useBrokerProjects();
  const query = useBrokerRegistrations(filters);
  const [registering, setRegistering] = useState(false);
  const [appealing, setAppealing] = useState<AppealTarget | null>(null);
  const [tab, setTab] = useState('registrations');
  const columns = useMemo(() => brokerRegistrationColumns((r) => setAppealing(appealTargetOf(r))), []);
  const emptyText = filtered ? '没有符合条件的报备' : '暂无报备，点击“报备客户”开始';

  const registerButton = (
    <Button type="primary" size="large" icon={<PlusOutlined />} block={isPhone} onClick={() => setRegistering(true)}>
      报备客户
    </Button>
  );

  return (
    <>
      <PageHeader title="我的报备" extra={!isPhone && registerButton}>
        <Typography.Text type="secondary">报备后请在到访保护期内带客户到访，到访后在成交保护期内成交方可结佣。</Typography.Text>
      </PageHeader>
      {isPhone && <div style={{ marginBottom: 12 }}>{registerButton}</div>}
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'registrations',
              label: '我的报备',
              children: (
                <>
                  <RegistrationFilterBar
                    filters={filters}
                    projects={projects.data?.map((p) => ({ value: p.projectId, label: p.projectName })) ?? []}
                    projectsLoading={projects.isPending}
                    onChange={change}
                    onClear={clear}
                  />
                  {isPhone ? (
                    <PagedCards<Registration>
                      query={query}
                      rowKey={(r) => r.id}
                      emptyText={emptyText}
                      renderItem={(r) => <BrokerRegistrationCard r={r} onAppeal={() => setAppealing(appealTargetOf(r))} />}
                    />
                  ) : (
                    <PagedTable<Registration> query={query} rowKey="id" size="middle" columns={columns} emptyText={emptyText} />
                  )}
                </>
              ),
            },
            { key: 'appeals', label: '我的申诉', children: <BrokerAppealList /> },
          ]}
        />
      </Card>
      {registering && <RegisterModal onClose={() => setRegistering(false)} onAppeal={setAppealing} />}
      {appealing && <AppealCreateModal target={appealing} onClose={() => setAppealing(null)} />}
    </>
  );
}

import { Card, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Registration } from '../../../common/contracts/channels.ts';
import { useSession } from '../../auth/session.tsx';
import { useRegistrations } from '../../data/hooks/channels.ts';
import { useScopeProjects } from '../../data/hooks/prospects.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedCards } from '../../components/paged-cards.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { useIsPhone } from '../../components/use-media-query.ts';
import { RegistrationCard, registrationColumns } from './registration-columns.tsx';
import { RegistrationFilterBar } from './registration-filter-bar.tsx';
import { useRegistrationFilters } from './use-registration-filters.ts';
import { VisitConfirmModal } from './visit-confirm-modal.tsx';

/** 渠道报备 (案场): the registrations of the caller's projects; 「到访确认」 when the customer comes. */
export function RegistrationsPage() {
  const { can } = useSession();
  const canConfirm = can('channels.confirm');
  const isPhone = useIsPhone();
  const { filters, filtered, change, clear } = useRegistrationFilters();
  const projects = useScopeProjects();
  const query = useRegistrations(filters);
  const [confirming, setConfirming] = useState<Registration | null>(null);
  const onConfirm = useMemo(() => (canConfirm ? (r: Registration) => setConfirming(r) : null), [canConfirm]);
  const columns = useMemo(() => registrationColumns(onConfirm), [onConfirm]);
  const emptyText = filtered ? '没有符合条件的报备' : '您的项目暂无渠道报备';

  return (
    <>
      <PageHeader title="渠道报备">
        <Typography.Text type="secondary">
          经纪人报备的客户到访时，请点击「到访确认」并录入客户完整手机号；到访后进入成交保护期。
        </Typography.Text>
      </PageHeader>
      <Card>
        <RegistrationFilterBar
          filters={filters}
          projects={projects.data?.map((p) => ({ value: p.id, label: p.name })) ?? []}
          projectsLoading={projects.isPending}
          onChange={change}
          onClear={clear}
        />
        {isPhone ? (
          <PagedCards<Registration>
            query={query}
            rowKey={(r) => r.id}
            emptyText={emptyText}
            renderItem={(r) => <RegistrationCard r={r} onConfirm={onConfirm} />}
          />
        ) : (
          <PagedTable<Registration> query={query} rowKey="id" size="middle" columns={columns} emptyText={emptyText} />
        )}
      </Card>
      {confirming && <VisitConfirmModal registration={confirming} onClose={() => setConfirming(null)} />}
    </>
  );
}

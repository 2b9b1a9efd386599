import { Alert, Card, Empty, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/session.tsx';
import { useChannelSettings } from '../../data/hooks/channels.ts';
import { useScopeProjects } from '../../data/hooks/prospects.ts';
import { LeanSelect } from '../../components/lean-select.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { ChannelSettingsForm } from './channel-settings-form.tsx';

/** 渠道规则: per project, how brokers register a mobile, the protection windows and commission. */
export function ChannelSettingsPage() {
  const { can } = useSession();
  const projects = useScopeProjects();
  const [picked, setPicked] = useState<string | undefined>();
  const projectId = picked ?? (projects.data?.length === 1 ? projects.data[0].id : undefined);
  const settings = useChannelSettings(projectId);

  let content;
  if (!projectId) content = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="请先选择项目" />;
  else if (settings.isPending) content = <Skeleton active />;
  else if (settings.isError) content = <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  else {
    content = (
      <>
        {settings.data.isDefault && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title="本项目尚未单独设置，当前使用默认规则" description="保存后即为本项目的规则。" />
        )}
        <ChannelSettingsForm
          key={`${projectId}:${settings.data.version}`}
          projectId={projectId}
          settings={settings.data}
          canEdit={can('channels.manage')}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader title="渠道规则">
        <Typography.Text type="secondary">
          按项目设置经纪人报备方式、到访与成交保护期和结佣规则；修改只影响之后的报备与到访，已开始的保护期不变。
        </Typography.Text>
      </PageHeader>
      <Card>
        <div className="toolbar">
          <LeanSelect
            placeholder="请选择项目"
            aria-label="选择项目"
            style={{ minWidth: 220 }}
            value={projectId}
            loading={projects.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={projects.data?.map((p) => ({ value: p.id, label: p.name })) ?? []}
            onChange={(value: string) => setPicked(value)}
          />
        </div>
        {content}
      </Card>
    </>
  );
}

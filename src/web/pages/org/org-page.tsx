import { Space } from 'antd';
import { PageHeader } from '../../components/page-header.tsx';
import { CompaniesCard } from './companies-card.tsx';
import { GroupCard } from './group-card.tsx';
import { ProjectsCard } from './projects-card.tsx';

export function OrgPage() {
  return (
    <>
      <PageHeader title="组织与房源" />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <ProjectsCard />
        <CompaniesCard />
        <GroupCard />
      </Space>
    </>
  );
}

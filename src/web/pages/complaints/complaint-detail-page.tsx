import { Breadcrumb, Button, Card, Col, Result, Row, Skeleton, Space } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../data/client.ts';
import { useComplaint } from '../../data/hooks/complaints.ts';
import { QueryError } from '../../components/query-error.tsx';
import { CallbacksCard } from './callbacks-card.tsx';
import { CaseCard } from './case-form.tsx';
import { ComplaintEvents } from './complaint-events.tsx';
import { ComplaintFactsCard } from './complaint-facts-card.tsx';
import { ComplaintHeader } from './complaint-header.tsx';
import { ContingencyCard } from './contingency-card.tsx';
import { IssueCard } from './issue-card.tsx';

/** One complaint: header and actions, facts, case write-up, contingency plan, issue, call-backs, history. */
export function ComplaintDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const complaint = useComplaint(id);

  if (complaint.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (complaint.isError) {
    const error = complaint.error;
    if (isApiError(error) && (error.status === 404 || error.status === 400)) {
      return (
        <Result
          status="404"
          title="投诉不存在"
          subTitle="该投诉不存在，或不在您的数据范围内。"
          extra={
            <Button type="primary" onClick={() => void navigate('/complaints')}>
              返回投诉列表
            </Button>
          }
        />
      );
    }
    if (isApiError(error) && error.status === 403) {
      return <Result status="403" title="无权查看此投诉" subTitle={error.userMessage} />;
    }
    return <QueryError error={error} onRetry={() => void complaint.refetch()} />;
  }

  const c = complaint.data;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/complaints">投诉</Link> }, { title: c.no }]} />
      <ComplaintHeader complaint={c} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <ComplaintFactsCard complaint={c} />
            {c.severity === 'major' && <ContingencyCard complaint={c} />}
            {/* Keyed by the case's version: a save (here or elsewhere) starts the card afresh. */}
            <CaseCard key={c.case?.version ?? 0} complaint={c} />
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <IssueCard complaint={c} />
            <CallbacksCard complaint={c} />
            <Card title="处理记录" size="small">
              <ComplaintEvents events={c.events} />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

import { ArrowLeftOutlined, EditOutlined, EyeOutlined, FormOutlined } from '@ant-design/icons';
import type { GetRef } from 'antd';
import { Alert, Breadcrumb, Button, Card, Col, Input, Result, Row, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Customer } from '../../../common/contracts/customers.ts';
import { BUYER_TYPE_LABELS, FAMILY_SEGMENT_LABELS, SOURCE_CHANNEL_LABELS } from '../../../common/customers.ts';
import { useSession } from '../../auth/session.tsx';
import { isApiError } from '../../data/client.ts';
import type { RevealField } from '../../data/hooks/customers.ts';
import { useCustomer } from '../../data/hooks/customers.ts';
import { QueryError } from '../../components/query-error.tsx';
import { CustomerDealsCard } from './customer-deals-card.tsx';
import { CustomerEditModal } from './customer-edit-modal.tsx';
import { CustomerProfile } from './customer-profile.tsx';
import { CustomerTimeline } from './customer-timeline.tsx';
import { DataRights } from './data-rights.tsx';
import { FollowUpForm } from './follow-up-form.tsx';
import { InterestsCard } from './interests-card.tsx';
import { RevealModal } from './reveal-modal.tsx';

function CustomerHeader({
  customer: c,
  onReveal,
  onWriteFollowUp,
}: {
  customer: Customer;
  onReveal: (field: RevealField) => void;
  onWriteFollowUp?: () => void;
}) {
  const { can } = useSession();
  const canReveal = can('customers.reveal') && !c.erased;
  const idMasked = c.idNumber !== null && c.idNumber.includes('*');

  return (
    <Card>
      <div className="detail-head">
        <Space wrap>
          <Link to="/customers" aria-label="返回客户列表">
            <ArrowLeftOutlined />
          </Link>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {c.name}
          </Typography.Title>
          {c.erased && <Tag color="default">已匿名化</Tag>}
        </Space>
        <Space wrap className="detail-actions">
          {onWriteFollowUp && (
            <Button type="primary" icon={<FormOutlined />} onClick={onWriteFollowUp}>
              写跟进
            </Button>
          )}
          {can('customers.rights') && <DataRights customer={c} />}
        </Space>
      </div>
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Space wrap size={8}>
          <Typography.Text type="secondary">手机</Typography.Text>
          <Typography.Text strong data-testid="customer-mobile">
            {c.mobile}
          </Typography.Text>
          {c.mobileMasked && canReveal && (
            <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => onReveal('mobile')}>
              查看完整号码
            </Button>
          )}
        </Space>
        {c.idNumber && (
          <Space wrap size={8}>
            <Typography.Text type="secondary">身份证</Typography.Text>
            <Typography.Text>{c.idNumber}</Typography.Text>
            {idMasked && canReveal && (
              <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => onReveal('idNumber')}>
                查看完整证件号
              </Button>
            )}
          </Space>
        )}
        <Space wrap size={[4, 4]}>
          <Tag color="blue">{SOURCE_CHANNEL_LABELS[c.sourceChannel]}</Tag>
          {c.buyerType && <Tag color="purple">{BUYER_TYPE_LABELS[c.buyerType]}</Tag>}
          {c.familySegment && <Tag color="magenta">{FAMILY_SEGMENT_LABELS[c.familySegment]}</Tag>}
          {c.tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </Space>
      </Space>
    </Card>
  );
}

export function CustomerDetailPage() {
  const { id = '' } = useParams();
  const { me, can } = useSession();
  const navigate = useNavigate();
  const customer = useCustomer(id);
  const [editing, setEditing] = useState(false);
  const [revealing, setRevealing] = useState<RevealField | null>(null);
  const followUpRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<GetRef<typeof Input.TextArea>>(null);

  if (customer.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (customer.isError) {
    if (isApiError(customer.error) && (customer.error.status === 404 || customer.error.status === 400)) {
      return (
        <Result
          status="404"
          title="客户不存在"
          subTitle="该客户不存在，或不在您的数据范围内。"
          extra={
            <Button type="primary" onClick={() => void navigate('/customers')}>
              返回客户列表
            </Button>
          }
        />
      );
    }
    if (isApiError(customer.error) && customer.error.status === 403) {
      return <Result status="403" title="无权查看此客户" subTitle={customer.error.userMessage} />;
    }
    return <QueryError error={customer.error} onRetry={() => void customer.refetch()} />;
  }

  const c = customer.data;
  const canWrite = can('customers.write') && !c.erased;
  // Follow-ups go on a prospect someone holds; pool prospects are claimed first.
  const targets = c.interests
    .filter((interest) => !interest.inPool)
    .map((interest) => ({ interestId: interest.id, projectName: interest.project.name }));
  const mine = c.interests.find((interest) => interest.owner?.id === me.id && !interest.inPool);
  const canFollowUp = canWrite && targets.length > 0;

  const focusFollowUp = () => {
    followUpRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    contentRef.current?.focus({ preventScroll: true });
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/customers">客户</Link> }, { title: c.name }]} />
      <CustomerHeader customer={c} onReveal={setRevealing} onWriteFollowUp={canFollowUp ? focusFollowUp : undefined} />
      {c.erased && (
        <Alert type="info" showIcon title="该客户的个人信息已按申请删除" description="仅保留匿名的跟进与成交记录用于统计，不能再编辑或跟进。" />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            {canFollowUp && (
              <div ref={followUpRef} className="scroll-anchor">
                <Card title="写跟进" className="follow-up-card">
                  <FollowUpForm
                    customerId={c.id}
                    targets={targets}
                    defaultInterestId={mine?.id}
                    contentRef={contentRef}
                  />
                </Card>
              </div>
            )}
            <InterestsCard customer={c} editable={canWrite} />
            {can('sales.read') && <CustomerDealsCard customerId={c.id} />}
          </Space>
        </Col>
        <Col xs={24} lg={14}>
          <Card>
            <Tabs
              defaultActiveKey="timeline"
              tabBarExtraContent={
                canWrite && (
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                    编辑
                  </Button>
                )
              }
              items={[
                { key: 'timeline', label: '跟进时间线', children: <CustomerTimeline customerId={c.id} /> },
                { key: 'profile', label: '基本信息', children: <CustomerProfile customer={c} /> },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {editing && <CustomerEditModal customer={c} onClose={() => setEditing(false)} />}
      {revealing && (
        <RevealModal customerId={c.id} customerName={c.name} field={revealing} onClose={() => setRevealing(null)} />
      )}
    </Space>
  );
}

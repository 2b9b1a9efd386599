import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, Col, Form, Input, InputNumber, Row, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ComplaintChannel, Specialty } from '../../../common/complaints.ts';
import { complaintCreate, MAX_ATTACHMENTS } from '../../../common/contracts/complaints.ts';
import { mobileSchema } from '../../../common/validators.ts';
import { useCreateComplaint } from '../../data/hooks/complaints.ts';
import { LeanSelect } from '../../components/lean-select.tsx';
import { useApiErrorHandler } from '../../components/use-api-error.ts';
import { schemaRule } from '../../lib/form-rules.ts';
import { CHANNEL_OPTIONS, SPECIALTY_OPTIONS } from './complaint-options.ts';
import { FlagFields } from './flag-fields.tsx';
import { BuildingUnitFields, ProjectField } from './location-fields.tsx';
import type { PhotoValue } from './photo-upload.tsx';
import { PhotoUpload, toAttachments } from './photo-upload.tsx';
import type { LinkedIssue } from './suggestions-panel.tsx';
import { SuggestionsPanel } from './suggestions-panel.tsx';

type CreateValues = {
  projectId?: string;
  buildingId?: string | null;
  unitId?: string | null;
  contactName: string;
  contactMobile: string;
  channel?: ComplaintChannel;
  specialty?: Specialty;
  title: string;
  description: string;
  remedyWanted?: string;
  complainantCount: number;
  collective: boolean;
  mediaExposed: boolean;
  lawsuitFiled: boolean;
  lawsuitOrMediaRisk: boolean;
  needsOutsideSupport: boolean;
  attachments?: PhotoValue[];
};

const shape = complaintCreate.shape;
const INITIAL: Partial<CreateValues> = {
  channel: 'hotline',
  complainantCount: 1,
  collective: false,
  mediaExposed: false,
  lawsuitFiled: false,
  lawsuitOrMediaRisk: false,
  needsOutsideSupport: false,
  attachments: [],
};

/** 登记投诉: who, where, what; similar open complaints are offered for 问题归集 while typing. */
export function ComplaintCreatePage() {
  const [form] = Form.useForm<CreateValues>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const create = useCreateComplaint();
  const busy = useRef(false);
  const [linked, setLinked] = useState<LinkedIssue | null>(null);
  const projectId = Form.useWatch('projectId', form);
  const buildingId = Form.useWatch('buildingId', form);
  const specialty = Form.useWatch('specialty', form);
  const title = Form.useWatch('title', form) ?? '';
  const description = Form.useWatch('description', form) ?? '';

  const submit = async (values: CreateValues) => {
    if (busy.current) return;
    busy.current = true;
    try {
      const detail = await create.mutateAsync({
        projectId: values.projectId ?? '',
        buildingId: values.buildingId ?? null,
        unitId: values.unitId ?? null,
        contactName: values.contactName.trim(),
        contactMobile: values.contactMobile.trim(),
        channel: values.channel ?? 'hotline',
        specialty: values.specialty ?? 'other',
        title: values.title.trim(),
        description: values.description.trim(),
        remedyWanted: values.remedyWanted?.trim() ?? '',
        complainantCount: values.complainantCount,
        collective: values.collective,
        mediaExposed: values.mediaExposed,
        lawsuitFiled: values.lawsuitFiled,
        lawsuitOrMediaRisk: values.lawsuitOrMediaRisk,
        needsOutsideSupport: values.needsOutsideSupport,
        issueId: linked?.id ?? null,
        attachments: toAttachments(values.attachments),
      });
      void message.success(`投诉已登记，编号 ${detail.no}`);
      void navigate(`/complaints/${detail.id}`, { replace: true });
    } catch (error) {
      handleError(error, form);
    } finally {
      busy.current = false;
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/complaints">投诉</Link> }, { title: '登记投诉' }]} />
      <Form<CreateValues>
        form={form}
        layout="vertical"
        initialValues={INITIAL}
        onValuesChange={(changed: Partial<CreateValues>) => {
          // Another project: an issue of the old one cannot be linked.
          if ('projectId' in changed) setLinked(null);
          // A complaint received as a lawsuit is a lawsuit filed, through the media is media
          // exposure: switch the fact on (the recorder can still turn it off).
          if (changed.channel === 'lawsuit') form.setFieldValue('lawsuitFiled', true);
          if (changed.channel === 'media') form.setFieldValue('mediaExposed', true);
        }}
        onFinish={(values) => void submit(values)}
        requiredMark
        scrollToFirstError
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={15}>
            <Card
              title={
                <Space>
                  <Link to="/complaints" aria-label="返回投诉列表">
                    <ArrowLeftOutlined />
                  </Link>
                  登记投诉
                </Space>
              }
            >
              <ProjectField />
              <BuildingUnitFields projectId={projectId} />
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item label="投诉人姓名" name="contactName" required rules={[schemaRule(shape.contactName, '请填写投诉人姓名')]}>
                    <Input maxLength={32} placeholder="投诉人姓名" autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item label="手机号" name="contactMobile" required rules={[schemaRule(mobileSchema, '请填写手机号')]}>
                    <Input maxLength={11} inputMode="numeric" placeholder="11 位手机号" autoComplete="off" />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item label="受理渠道" name="channel" required rules={[{ required: true, message: '请选择受理渠道' }]}>
                    <LeanSelect options={CHANNEL_OPTIONS} placeholder="请选择" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item label="投诉专业" name="specialty" required rules={[{ required: true, message: '请选择投诉专业' }]}>
                    <LeanSelect options={SPECIALTY_OPTIONS} placeholder="请选择" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label="投诉标题" name="title" required rules={[schemaRule(shape.title, '请填写投诉标题')]}>
                <Input maxLength={100} showCount placeholder="一句话概括问题，如：3 栋 1201 卫生间渗水" />
              </Form.Item>
              <Form.Item label="投诉内容" name="description" required rules={[schemaRule(shape.description, '请填写投诉内容')]}>
                <Input.TextArea maxLength={4000} showCount autoSize={{ minRows: 4, maxRows: 10 }} placeholder="客户反映的问题、经过" />
              </Form.Item>
              <Form.Item label="客户诉求" name="remedyWanted" rules={[schemaRule(shape.remedyWanted)]}>
                <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} placeholder="客户希望如何解决（可不填）" />
              </Form.Item>
              <Form.Item label="投诉人数" name="complainantCount" required rules={[{ required: true, message: '请填写投诉人数' }]}>
                <InputNumber min={1} max={10000} precision={0} suffix="人" style={{ width: 160 }} />
              </Form.Item>
              <FlagFields />
              <Form.Item
                label="现场照片"
                name="attachments"
                extra={`JPG、PNG、WebP 格式，单张不超过 2 MB，最多 ${MAX_ATTACHMENTS} 张`}
              >
                <PhotoUpload />
              </Form.Item>
              <Space wrap>
                <Button type="primary" htmlType="submit" loading={create.isPending}>
                  登记投诉
                </Button>
                <Button onClick={() => void navigate('/complaints')}>取消</Button>
              </Space>
            </Card>
          </Col>
          <Col xs={24} lg={9}>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <SuggestionsPanel
                projectId={projectId}
                buildingId={buildingId}
                specialty={specialty}
                text={`${title} ${description}`}
                linked={linked}
                onLink={setLinked}
              />
              <Card size="small" title="投诉性质如何确定">
                <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                  系统按投诉人数、是否集体投诉、媒体曝光、法律诉讼、诉讼或曝光风险、是否需外部协助以及同一问题的投诉人数，自动判定一般、重要、热点、重大，并随时间重新评估。
                </Typography.Paragraph>
              </Card>
            </Space>
          </Col>
        </Row>
      </Form>
    </Space>
  );
}

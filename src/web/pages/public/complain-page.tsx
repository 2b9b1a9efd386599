import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import type { UploadFile } from 'antd';
import { Alert, App, Button, Card, Form, Input, Result, Select, Typography, Upload } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { Specialty } from '../../../common/complaints.ts';
import { SPECIALTIES, SPECIALTY_LABELS } from '../../../common/complaints.ts';
import type { attachmentInput } from '../../../common/contracts/complaints.ts';
import { MAX_ATTACHMENT_BYTES } from '../../../common/contracts/complaints.ts';
import { MOBILE_PATTERN } from '../../../common/validators.ts';
import { applyFieldErrors } from '../../components/use-api-error.ts';
import { ApiError, errorMessage } from '../../data/client.ts';
import type { PublicFiled } from '../../data/hooks/public-complaints.ts';
import { useFilePublicComplaint, usePublicProjects, usePublicUnits } from '../../data/hooks/public-complaints.ts';

type Values = {
  projectId?: string;
  buildingId?: string;
  unitId?: string;
  contactName: string;
  contactMobile: string;
  specialty: Specialty;
  title?: string;
  description: string;
  remedyWanted?: string;
  photos?: UploadFile[];
  website?: string;
};
type Photo = z.infer<typeof attachmentInput>;

const MAX_PHOTOS = 3;
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
const isPhotoType = (type: string): type is Photo['contentType'] => (PHOTO_TYPES as readonly string[]).includes(type);
const RATE_LIMITED_MESSAGE = '提交过于频繁，请稍后再试';
// Out of sight and out of the tab order: only robots fill it in.
export const PUBLIC_CARD_STYLES = { body: { padding: 16 } };
const HONEYPOT_STYLE: CSSProperties = { position: 'absolute', left: -10000, top: 'auto', width: 1, height: 1, overflow: 'hidden' };

/** The owners' page frame: one column, at most 560 px, comfortable on a 375 px phone. */
export function PublicFrame({ children }: { children: ReactNode }) {
  return (
    <div style={{ minHeight: '100vh', background: '#f5f7fa', padding: '16px 12px 32px' }}>
      <main style={{ maxWidth: 560, margin: '0 auto' }}>{children}</main>
    </div>
  );
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('读取图片失败'));
    reader.readAsDataURL(file);
  });
}

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  const area = document.createElement('textarea');
  area.value = text;
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy failed');
}

function FiledResult({ filed, onAgain }: { filed: PublicFiled; onAgain: () => void }) {
  const { message } = App.useApp();
  const copy = () =>
    copyText(filed.trackingCode).then(
      () => void message.success('查询码已复制'),
      () => void message.warning('复制失败，请手动记下查询码'),
    );
  return (
    <Card styles={PUBLIC_CARD_STYLES}>
      <Result status="success" title="提交成功" subTitle={`投诉编号：${filed.no}`} style={{ padding: '16px 0' }} />
      <div style={{ textAlign: 'center' }}>
        <Typography.Text type="secondary">您的查询码</Typography.Text>
        <div
          aria-label="查询码"
          style={{ fontSize: 'clamp(20px, 6.4vw, 30px)', fontWeight: 600, letterSpacing: 2, fontFamily: 'ui-monospace, Menlo, Consolas, monospace', wordBreak: 'break-all', margin: '8px 0 12px' }}
        >
          {filed.trackingCode}
        </div>
        <Button size="large" icon={<CopyOutlined />} onClick={() => void copy()}>
          复制查询码
        </Button>
        <Alert
          type="warning"
          showIcon
          style={{ margin: '16px 0', textAlign: 'start' }}
          title="请妥善保存查询码（建议截图），凭此码可随时查询处理进度，我们不会再次告知。"
        />
        <Link to={`/complain/status?code=${encodeURIComponent(filed.trackingCode)}`}>
          <Button type="primary" size="large" block style={{ height: 48 }}>
            查询处理进度
          </Button>
        </Link>
        <Button type="link" size="large" onClick={onAgain} style={{ marginTop: 8 }}>
          再提交一条
        </Button>
      </div>
    </Card>
  );
}

/** 「业主投诉与建议」 (/complain): an owner files a complaint without an account. */
export function PublicComplainPage() {
  const [form] = Form.useForm<Values>();
  const projects = usePublicProjects();
  const projectId = Form.useWatch('projectId', form);
  const buildingId = Form.useWatch('buildingId', form);
  const photoCount = Form.useWatch('photos', form)?.length ?? 0;
  const units = usePublicUnits(buildingId);
  const file = useFilePublicComplaint();
  const [filed, setFiled] = useState<PublicFiled | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { message } = App.useApp();
  const buildings = projects.data?.find((p) => p.id === projectId)?.buildings ?? [];

  const submit = async (values: Values) => {
    setFailure(null);
    if (!values.projectId) return;
    try {
      const photos = await Promise.all(
        (values.photos ?? []).flatMap((photo): Array<Promise<Photo>> => {
          const raw = photo.originFileObj;
          const contentType = raw?.type ?? '';
          if (!raw || !isPhotoType(contentType)) return [];
          return [readBase64(raw).then((dataBase64) => ({ fileName: raw.name.slice(-120), contentType, dataBase64 }))];
        }),
      );
      const result = await file.mutateAsync({
        projectId: values.projectId,
        buildingId: values.buildingId ?? null,
        unitId: values.unitId ?? null,
        contactName: values.contactName.trim(),
        contactMobile: values.contactMobile.trim(),
        specialty: values.specialty,
        title: values.title?.trim() ?? '',
        description: values.description.trim(),
        remedyWanted: values.remedyWanted?.trim() ?? '',
        photos,
        website: values.website ?? '',
      });
      setFiled(result);
      window.scrollTo({ top: 0 });
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'RATE_LIMITED' || error.status === 429)) setFailure(RATE_LIMITED_MESSAGE);
      else if (error instanceof ApiError && error.errors.length > 0 && applyFieldErrors(form, error.errors) > 0) setFailure('请按提示修改后重新提交');
      else setFailure(error instanceof ApiError ? errorMessage(error) : '图片读取失败，请重新选择图片');
    }
  };

  const again = () => {
    form.resetFields();
    file.reset();
    setFiled(null);
  };

  const checkPhoto = (photo: File) => {
    if (!isPhotoType(photo.type)) void message.error('仅支持 JPG、PNG、WebP 图片');
    else if (photo.size > MAX_ATTACHMENT_BYTES) void message.error('单张图片不能超过 2 MB');
    else return false; // keep it in the list; it is sent with the form
    return Upload.LIST_IGNORE;
  };

  return (
    <PublicFrame>
      <Typography.Title level={3} style={{ textAlign: 'center', margin: '8px 0 4px' }}>
        业主投诉与建议
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        请如实填写，我们会尽快与您联系。已提交过？<Link to="/complain/status">查询处理进度</Link>
      </Typography.Paragraph>
      {filed ? (
        <FiledResult filed={filed} onAgain={again} />
      ) : (
        <Card styles={PUBLIC_CARD_STYLES}>
          {projects.isError && <Alert type="error" showIcon style={{ marginBottom: 16 }} title="项目列表加载失败" description={errorMessage(projects.error)} action={<Button onClick={() => void projects.refetch()}>重试</Button>} />}
          <Form<Values> form={form} layout="vertical" size="large" initialValues={{ specialty: 'other', photos: [], website: '' }} onFinish={(values) => void submit(values)} scrollToFirstError requiredMark="optional">
            <Form.Item name="projectId" label="所在项目" rules={[{ required: true, message: '请选择项目' }]}>
              <Select
                placeholder="请选择项目"
                loading={projects.isPending}
                showSearch={{ optionFilterProp: 'label' }}
                options={(projects.data ?? []).map((p) => ({ value: p.id, label: p.city ? `${p.name}（${p.city}）` : p.name }))}
                onChange={() => form.setFieldsValue({ buildingId: undefined, unitId: undefined })}
              />
            </Form.Item>
            <Form.Item name="buildingId" label="楼栋">
              <Select allowClear placeholder={projectId ? '请选择楼栋' : '请先选择项目'} disabled={!projectId} options={buildings.map((b) => ({ value: b.id, label: b.name }))} onChange={() => form.setFieldsValue({ unitId: undefined })} />
            </Form.Item>
            <Form.Item name="unitId" label="房号">
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={buildingId ? '请选择房号' : '请先选择楼栋'} disabled={!buildingId} loading={units.isFetching} options={(units.data ?? []).map((u) => ({ value: u.id, label: u.number }))} />
            </Form.Item>
            <Form.Item name="contactName" label="您的姓名" rules={[{ required: true, whitespace: true, message: '请填写您的姓名' }, { max: 32, message: '姓名不能超过 32 个字' }]}>
              <Input autoComplete="name" placeholder="请填写您的姓名" />
            </Form.Item>
            <Form.Item name="contactMobile" label="手机号" rules={[{ required: true, message: '请填写手机号' }, { pattern: MOBILE_PATTERN, message: '请输入正确的 11 位手机号' }]}>
              <Input inputMode="numeric" autoComplete="tel" maxLength={11} placeholder="用于联系您，仅工作人员可见" />
            </Form.Item>
            <Form.Item name="specialty" label="问题类别">
              <Select options={SPECIALTIES.map((s) => ({ value: s, label: SPECIALTY_LABELS[s] }))} />
            </Form.Item>
            <Form.Item name="title" label="标题" rules={[{ max: 100, message: '标题不能超过 100 个字' }]}>
              <Input placeholder="一句话概括问题" />
            </Form.Item>
            <Form.Item
              name="description"
              label="问题描述"
              rules={[
                { required: true, whitespace: true, message: '请描述您遇到的问题' },
                { validator: (_, value?: string) => ((value ?? '').trim().length >= 10 ? Promise.resolve() : Promise.reject(new Error('请至少用 10 个字描述问题'))) },
                { max: 4000, message: '问题描述不能超过 4000 个字' },
              ]}
            >
              <Input.TextArea rows={5} showCount maxLength={4000} placeholder="请描述问题发生的时间、位置和具体情况（至少 10 个字）" />
            </Form.Item>
            <Form.Item name="remedyWanted" label="您的诉求" rules={[{ max: 1000, message: '诉求不能超过 1000 个字' }]}>
              <Input.TextArea rows={3} maxLength={1000} placeholder="希望我们如何处理" />
            </Form.Item>
            <Form.Item name="photos" label="现场照片" extra="最多 3 张，JPG/PNG/WebP，每张不超过 2 MB" valuePropName="fileList" getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}>
              <Upload listType="picture-card" accept={PHOTO_TYPES.join(',')} maxCount={MAX_PHOTOS} multiple beforeUpload={checkPhoto}>
                {photoCount < MAX_PHOTOS && (
                  <div>
                    <PlusOutlined />
                    <div style={{ marginTop: 4 }}>添加照片</div>
                  </div>
                )}
              </Upload>
            </Form.Item>
            <div aria-hidden="true" style={HONEYPOT_STYLE}>
              <label>
                网站
                <Form.Item name="website" noStyle>
                  <input type="text" name="website" tabIndex={-1} autoComplete="off" />
                </Form.Item>
              </label>
            </div>
            {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
            <Button type="primary" htmlType="submit" block loading={file.isPending} style={{ height: 48 }}>
              提交
            </Button>
          </Form>
        </Card>
      )}
    </PublicFrame>
  );
}

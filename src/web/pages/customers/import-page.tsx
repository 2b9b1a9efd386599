import { ArrowLeftOutlined, CloudUploadOutlined, InboxOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Row, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../auth/session.tsx';
import type { ImportFile, ImportPreview } from '../../data/hooks/customer-imports.ts';
import { usePreviewImport, useStartImport } from '../../data/hooks/customer-imports.ts';
import { useScopeProjects } from '../../data/hooks/prospects.ts';
import { LeanSelect } from '../../components/lean-select.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useApiErrorHandler } from '../../components/use-api-error.ts';
import { formatDateTime } from '../../lib/format.ts';
import { ImportMapping, importFieldLabel, REQUIRED_IMPORT_FIELDS } from './import-mapping.tsx';
import { ImportProgress } from './import-progress.tsx';
import { forgetImport, rememberImport, useRecentImports } from './recent-imports.ts';

const MAX_FILE_BYTES = 20 * 1024 * 1024;
const ACCEPTED = /\.(xlsx|csv)$/i;

function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = typeof reader.result === 'string' ? reader.result : '';
      resolve(result.slice(result.indexOf(',') + 1)); // drop the "data:…;base64," prefix
    };
    reader.onerror = () => reject(reader.error ?? new Error('读取文件失败'));
    reader.readAsDataURL(file);
  });
}

/** The problems that stop an import from starting, in words. */
function mappingProblems(mapping: Record<string, string>): string[] {
  const targets = Object.values(mapping).filter(Boolean);
  return REQUIRED_IMPORT_FIELDS.filter((field) => !targets.includes(field)).map(
    (field) => `请将文件中的一列对应到「${importFieldLabel(field)}」`,
  );
}

function ImportSetup({ onStarted }: { onStarted: (id: string) => void }) {
  const { me } = useSession();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const projects = useScopeProjects();
  const preview = usePreviewImport();
  const start = useStartImport();
  const [file, setFile] = useState<ImportFile | null>(null);
  const [columns, setColumns] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [projectId, setProjectId] = useState<string | undefined>(undefined);
  const [reading, setReading] = useState(false);
  const [tried, setTried] = useState(false);

  const choose = async (chosen: File) => {
    if (!ACCEPTED.test(chosen.name)) {
      void message.error('请选择 .xlsx 或 .csv 文件');
      return;
    }
    if (chosen.size > MAX_FILE_BYTES) {
      void message.error('文件不能超过 20 MB');
      return;
    }
    setReading(true);
    try {
      const next = { fileName: chosen.name, fileBase64: await readAsBase64(chosen) };
      const result = await preview.mutateAsync(next);
      setFile(next);
      setColumns(result);
      // Keep only suggestions for columns the file has.
      setMapping(Object.fromEntries(Object.entries(result.suggested).filter(([column, field]) => field && result.columns.includes(column))));
      setTried(false);
    } catch (error) {
      handleError(error);
    } finally {
      setReading(false);
    }
  };

  const reset = () => {
    setFile(null);
    setColumns(null);
    setMapping({});
    setTried(false);
  };

  const problems = mappingProblems(mapping);
  const begin = async () => {
    setTried(true);
    if (!file || !projectId || problems.length > 0) return;
    try {
      const { id } = await start.mutateAsync({ ...file, projectId, mapping });
      rememberImport(me.id, {
        id,
        fileName: file.fileName,
        projectName: projects.data?.find((p) => p.id === projectId)?.name ?? '',
        startedAt: new Date().toISOString(),
      });
      void message.success('导入已开始');
      onStarted(id);
    } catch (error) {
      handleError(error);
    }
  };

  if (!file || !columns) {
    return (
      <Card title="选择文件">
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={reading}
          beforeUpload={(chosen) => {
            void choose(chosen);
            return Upload.LIST_IGNORE; // read in the browser, never uploaded by the component
          }}
        >
          <p className="ant-upload-drag-icon">{reading ? <CloudUploadOutlined /> : <InboxOutlined />}</p>
          <p className="ant-upload-text">{reading ? '正在读取文件…' : '点击或拖拽文件到此处'}</p>
          <p className="ant-upload-hint">支持 .xlsx、.csv，最大 20 MB；第一行为列名</p>
        </Upload.Dragger>
      </Card>
    );
  }

  return (
    <Card
      title="对应列与字段"
      extra={
        <Button onClick={reset} disabled={start.isPending}>
          重新选择文件
        </Button>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text>
          文件：<Typography.Text strong>{file.fileName}</Typography.Text>（{columns.columns.length} 列）
        </Typography.Text>
        <Form layout="vertical">
          <Form.Item
            label="项目"
            htmlFor="import-project"
            required
            validateStatus={tried && !projectId ? 'error' : undefined}
            help={tried && !projectId ? '请选择导入到哪个项目' : undefined}
          >
            <LeanSelect
              id="import-project"
              placeholder="导入到哪个项目"
              style={{ maxWidth: 360 }}
              value={projectId}
              loading={projects.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              options={projects.data?.map((p) => ({ value: p.id, label: p.name })) ?? []}
              onChange={(value: string) => setProjectId(value)}
            />
          </Form.Item>
        </Form>
        <ImportMapping preview={columns} mapping={mapping} onChange={setMapping} />
        {tried && problems.length > 0 && <Alert type="error" showIcon title={problems.join('；')} />}
        <Typography.Text type="secondary">
          手机号已存在的客户将合并到原客户；格式不正确的行会被拒绝，原因见导入报告。
        </Typography.Text>
        <Button type="primary" size="large" icon={<PlayCircleOutlined />} loading={start.isPending} onClick={() => void begin()}>
          开始导入
        </Button>
      </Space>
    </Card>
  );
}

/** 「导入客户」: upload, map columns, start, watch progress; recent imports survive leaving the page. */
export function ImportPage() {
  const { me } = useSession();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const jobId = searchParams.get('id') ?? undefined;
  const recent = useRecentImports(me.id);
  const current = recent.find((item) => item.id === jobId);

  return (
    <>
      <PageHeader
        title="导入客户"
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/customers')}>
            返回客户列表
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          {jobId ? (
            <ImportProgress
              key={jobId}
              id={jobId}
              fileName={current?.fileName}
              onNew={() => setSearchParams({})}
              onMissing={() => {
                forgetImport(me.id, jobId);
                setSearchParams({});
              }}
            />
          ) : (
            <ImportSetup onStarted={(id) => setSearchParams({ id })} />
          )}
        </Col>
        <Col xs={24} xl={8}>
          <Card title="最近导入">
            {recent.length === 0 ? (
              <Typography.Text type="secondary">暂无导入记录</Typography.Text>
            ) : (
              <ul className="plain-list recent-imports">
                {recent.map((item) => (
                  <li key={item.id} className={item.id === jobId ? 'is-current' : undefined}>
                    <Link to={`/customers/import?id=${encodeURIComponent(item.id)}`}>{item.fileName}</Link>
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {[item.projectName, formatDateTime(item.startedAt)].filter(Boolean).join(' · ')}
                    </Typography.Text>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}

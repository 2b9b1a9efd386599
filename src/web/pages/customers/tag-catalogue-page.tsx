import { PlusOutlined } from '@ant-design/icons';
import type { TableProps } from 'antd';
import { App, AutoComplete, Button, Card, Empty, Form, Input, InputNumber, Popconfirm, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CustomerTag } from '../../../common/contracts/customer-tags.ts';
import { customerTagCreate, SUGGESTED_TAG_CATEGORIES, TAG_CATEGORY_MAX, TAG_NAME_MAX } from '../../../common/contracts/customer-tags.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useApiErrorHandler } from '../../components/use-api-error.ts';
import { useCustomerTags, useSaveCustomerTag } from '../../data/hooks/customer-tags.ts';
import { schemaRule } from '../../lib/form-rules.ts';

type TagFormValues = { category: string; name: string; sortOrder?: number | null };

function TagFormModal({ tag, categories, defaultCategory, onClose }: { tag?: CustomerTag; categories: string[]; defaultCategory?: string; onClose: () => void }) {
  const [form] = Form.useForm<TagFormValues>();
  const save = useSaveCustomerTag();
  const { message } = App.useApp();
  const options = [...new Set([...categories, ...SUGGESTED_TAG_CATEGORIES])].map((c) => ({ value: c }));
  return (
    <FormModal<TagFormValues>
      title={tag ? '编辑标签' : '新增标签'}
      form={form}
      initialValues={tag ? { category: tag.category, name: tag.name, sortOrder: tag.sortOrder } : { category: defaultCategory }}
      onClose={onClose}
      onSubmit={async (values) => {
        const body = { category: values.category, name: values.name, sortOrder: values.sortOrder ?? undefined };
        if (tag) await save.mutateAsync({ id: tag.id, body: { ...body, version: tag.version } });
        else await save.mutateAsync({ body });
        void message.success(tag ? (values.name !== tag.name ? `标签已改名为「${values.name}」，带有该标签的客户已同步更新` : '标签已保存') : `已新增标签「${values.name}」`);
      }}
    >
      <Form.Item label="分类" name="category" required rules={[schemaRule(customerTagCreate.shape.category, '请输入分类')]} extra="可选已有分类，或输入新分类">
        <AutoComplete options={options} maxLength={TAG_CATEGORY_MAX} placeholder="如：关注点" filterOption={(input, option) => String(option?.value ?? '').includes(input)} />
      </Form.Item>
      <Form.Item
        label="标签名称"
        name="name"
        required
        rules={[schemaRule(customerTagCreate.shape.name, '请输入标签名称')]}
        extra={tag ? '改名后，带有该标签的客户会一并改为新名称' : '名称在全集团唯一'}
      >
        <Input maxLength={TAG_NAME_MAX} placeholder="如：学区" autoComplete="off" />
      </Form.Item>
      <Form.Item label="排序" name="sortOrder" extra={tag ? '数字小的排在前面' : '数字小的排在前面；不填则排在该分类最后'}>
        <InputNumber min={0} max={9999} precision={0} placeholder="选填" style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

function ActiveToggle({ tag }: { tag: CustomerTag }) {
  const save = useSaveCustomerTag();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const toggle = async () => {
    try {
      await save.mutateAsync({ id: tag.id, body: { active: !tag.active, version: tag.version } });
      void message.success(tag.active ? `已停用「${tag.name}」` : `已启用「${tag.name}」`);
    } catch (error) {
      handleError(error);
    }
  };
  if (!tag.active) {
    return (
      <Button type="link" size="small" loading={save.isPending} onClick={() => void toggle()}>
        启用
      </Button>
    );
  }
  return (
    <Popconfirm
      title={`停用标签「${tag.name}」？`}
      description="已带有该标签的客户会保留它，但以后不能再选用。可随时重新启用。"
      okText="停用"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      onConfirm={toggle}
    >
      <Button type="link" size="small" danger loading={save.isPending}>
        停用
      </Button>
    </Popconfirm>
  );
}

/** The group's customer tag catalogue (标签库), grouped by category. */
export function TagCataloguePage() {
  const tags = useCustomerTags();
  const [editing, setEditing] = useState<{ tag?: CustomerTag; category?: string } | null>(null);
  const groups = new Map<string, CustomerTag[]>();
  for (const tag of tags.data ?? []) groups.set(tag.category, [...(groups.get(tag.category) ?? []), tag]);

  const columns: TableProps<CustomerTag>['columns'] = [
    {
      title: '标签',
      dataIndex: 'name',
      render: (name: string, tag) => (tag.active ? <Tag color="blue">{name}</Tag> : <Typography.Text type="secondary" delete>{name}</Typography.Text>),
    },
    { title: '排序', dataIndex: 'sortOrder', width: 80, responsive: ['sm'] },
    { title: '状态', dataIndex: 'active', width: 90, render: (active: boolean) => (active ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>) },
    {
      title: '操作',
      key: 'actions',
      width: 130,
      render: (_: unknown, tag) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing({ tag })}>
            编辑
          </Button>
          <ActiveToggle tag={tag} />
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="客户标签库"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            新增标签
          </Button>
        }
      >
        <Typography.Text type="secondary">全集团共用。置业顾问录入客户、筛选列表和导入时只能选用已启用的标签。</Typography.Text>
      </PageHeader>
      {tags.isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : tags.isError ? (
        <QueryError error={tags.error} onRetry={() => void tags.refetch()} />
      ) : groups.size === 0 ? (
        <Card>
          <Empty description="标签库还是空的，点击“新增标签”添加" />
        </Card>
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {[...groups].map(([category, items]) => (
            <Card
              key={category}
              title={`${category}（${items.filter((t) => t.active).length}/${items.length}）`}
              size="small"
              extra={
                <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({ category })} aria-label={`在「${category}」中新增标签`}>
                  新增
                </Button>
              }
            >
              <Table<CustomerTag> rowKey="id" size="small" pagination={false} columns={columns} dataSource={items} />
            </Card>
          ))}
        </Space>
      )}
      {editing && <TagFormModal tag={editing.tag} defaultCategory={editing.category} categories={[...groups.keys()]} onClose={() => setEditing(null)} />}
    </>
  );
}

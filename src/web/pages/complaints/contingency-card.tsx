import { AlertOutlined } from '@ant-design/icons';
import { Card, Progress, Space, Typography } from 'antd';
import type { ContingencyStatus } from '../../../common/complaints.ts';
import { CONTINGENCY_ITEM_LABELS, CONTINGENCY_ITEMS, CONTINGENCY_STATUS_LABELS } from '../../../common/complaints.ts';
import type { ComplaintDetail } from '../../../common/contracts/complaints.ts';
import { useSession } from '../../auth/session.tsx';
import type { ContingencyItem, ContingencyUpdateBody } from '../../data/hooks/complaints.ts';
import { useUpdateContingency } from '../../data/hooks/complaints.ts';
import { useUserOptions } from '../../data/hooks/users.ts';
import { LeanSelect } from '../../components/lean-select.tsx';
import { EMPTY_TEXT, formatDateTime } from '../../lib/format.ts';
import { CONTINGENCY_STATUS_OPTIONS } from './complaint-options.ts';
import { useComplaintWrite } from './use-complaint-write.ts';

const order = (item: ContingencyItem) => CONTINGENCY_ITEMS.indexOf(item.item);

type RowProps = {
  item: ContingencyItem;
  editable: boolean;
  owners: { value: string; label: string }[] | null;
  ownersLoading: boolean;
  onSave: (item: ContingencyItem, body: Omit<ContingencyUpdateBody, 'version'>) => void;
};

function ContingencyRow({ item, editable, owners, ownersLoading, onSave }: RowProps) {
  const label = CONTINGENCY_ITEM_LABELS[item.item];
  return (
    <div className="interest-row" data-item={item.item}>
      <Typography.Text strong>{label}</Typography.Text>
      <div className="interest-controls">
        <span className="interest-control">
          <span className="interest-control-label">负责人</span>
          {editable && owners ? (
            <LeanSelect
              allowClear
              aria-label={`${label}负责人`}
              placeholder="未指定"
              style={{ minWidth: 140 }}
              loading={ownersLoading}
              showSearch={{ optionFilterProp: 'label' }}
              value={item.owner?.id}
              options={item.owner && !owners.some((o) => o.value === item.owner?.id) ? [...owners, { value: item.owner.id, label: item.owner.name }] : owners}
              onChange={(value: string | undefined) => onSave(item, { ownerId: value ?? null })}
            />
          ) : (
            <span>{item.owner?.name ?? '未指定'}</span>
          )}
        </span>
        <span className="interest-control">
          <span className="interest-control-label">状态</span>
          {editable ? (
            <LeanSelect
              aria-label={`${label}状态`}
              style={{ minWidth: 110 }}
              value={item.status}
              options={CONTINGENCY_STATUS_OPTIONS}
              onChange={(value: ContingencyStatus) => onSave(item, { status: value })}
            />
          ) : (
            <span>{CONTINGENCY_STATUS_LABELS[item.status]}</span>
          )}
        </span>
      </div>
      <Typography.Paragraph
        type={item.note ? undefined : 'secondary'}
        style={{ marginBottom: 0 }}
        editable={
          editable
            ? {
                text: item.note,
                maxLength: 1000,
                tooltip: '编辑说明',
                onChange: (note) => {
                  if (note.trim() !== item.note) onSave(item, { note: note.trim() });
                },
              }
            : false
        }
      >
        {item.note || (editable ? '点击右侧图标填写说明' : EMPTY_TEXT)}
      </Typography.Paragraph>
      <Typography.Text type="secondary" className="timeline-meta">
        更新于 {formatDateTime(item.updatedAt)}
      </Typography.Text>
    </div>
  );
}

/** 重大投诉应急预案: the eight headings, each with an owner, a status and a note. */
export function ContingencyCard({ complaint: c }: { complaint: ComplaintDetail }) {
  const { can } = useSession();
  const editable = can('complaints.write') && c.status !== 'closed';
  const canPickUser = editable && can('users.read');
  const users = useUserOptions(canPickUser ? c.companyId : null);
  const update = useUpdateContingency(c.id);
  const { handleError } = useComplaintWrite(c.id);
  const items = [...c.contingency].sort((a, b) => order(a) - order(b));
  const done = items.filter((item) => item.status === 'done').length;
  const owners = canPickUser ? (users.data?.filter((u) => u.active).map((u) => ({ value: u.id, label: u.displayName })) ?? []) : null;

  const save = (item: ContingencyItem, body: Omit<ContingencyUpdateBody, 'version'>) => {
    update.mutate({ item: item.item, body: { ...body, version: item.version } }, { onError: (error) => handleError(error) });
  };

  return (
    <Card
      title={
        <Space>
          <AlertOutlined />
          重大投诉应急预案
        </Space>
      }
      extra={items.length > 0 && <Progress type="circle" size={36} percent={Math.round((done / items.length) * 100)} />}
    >
      {items.length === 0 ? (
        <Typography.Text type="secondary">应急预案尚未生成。</Typography.Text>
      ) : (
        <Space orientation="vertical" size={0} style={{ width: '100%' }} className="interest-list">
          {items.map((item) => (
            <ContingencyRow
              key={item.item}
              item={item}
              editable={editable}
              owners={owners}
              ownersLoading={users.isPending}
              onSave={save}
            />
          ))}
        </Space>
      )}
    </Card>
  );
}

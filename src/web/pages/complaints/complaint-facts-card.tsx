import { EditOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { COMPLAINT_CHANNEL_LABELS, SPECIALTY_LABELS } from '../../../common/complaints.ts';
import type { ComplaintDetail } from '../../../common/contracts/complaints.ts';
import { useSession } from '../../auth/session.tsx';
import { EMPTY_TEXT } from '../../lib/format.ts';
import { ComplaintPhotos } from './complaint-photos.tsx';
import { ComplaintRevealModal } from './complaint-reveal-modal.tsx';
import { locationText } from './complaint-tags.tsx';
import { FactsEditModal } from './facts-edit-modal.tsx';

// Long values take the whole row.
const WIDE = { xs: 1, sm: 2 };
const yes = (value: boolean, color = 'red') => (value ? <Tag color={color}>是</Tag> : '否');
const text = (value: string) => <div className="timeline-detail">{value || EMPTY_TEXT}</div>;

/** 投诉信息: where, who (the mobile masked unless revealed), what, the severity facts and photos. */
export function ComplaintFactsCard({ complaint: c }: { complaint: ComplaintDetail }) {
  const { can } = useSession();
  const [editing, setEditing] = useState(false);
  const [revealing, setRevealing] = useState(false);

  return (
    <Card
      title="投诉信息"
      extra={
        can('complaints.write') &&
        c.status !== 'closed' && (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            编辑
          </Button>
        )
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'location', label: '项目/楼栋/房号', span: WIDE, children: locationText(c) },
          { key: 'contact', label: '投诉人', children: c.contactName },
          {
            key: 'mobile',
            label: '手机号',
            children: (
              <Space wrap size={4}>
                <Typography.Text data-testid="complaint-mobile">{c.contactMobile}</Typography.Text>
                {c.mobileMasked && can('customers.reveal') && (
                  <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => setRevealing(true)}>
                    查看完整号码
                  </Button>
                )}
              </Space>
            ),
          },
          { key: 'channel', label: '受理渠道', children: COMPLAINT_CHANNEL_LABELS[c.channel] },
          { key: 'specialty', label: '投诉专业', children: SPECIALTY_LABELS[c.specialty] },
          { key: 'count', label: '投诉人数', children: `${c.complainantCount} 人` },
          { key: 'collective', label: '集体投诉', children: yes(c.collective, 'orange') },
          { key: 'media', label: '媒体曝光', children: yes(c.mediaExposed) },
          { key: 'lawsuit', label: '法律诉讼', children: yes(c.lawsuitFiled) },
          { key: 'risk', label: '诉讼或曝光风险', children: yes(c.lawsuitOrMediaRisk, 'orange') },
          { key: 'support', label: '需外部协助', children: yes(c.needsOutsideSupport, 'blue') },
          { key: 'fault', label: '延误是否我方原因', children: c.companyFault ? '是' : '否（客户原因）' },
          ...(c.groupComplaintId
            ? [{ key: 'group', label: '所属群诉', children: <Link to="/complaints/groups">查看群诉</Link> }]
            : []),
        ]}
      />
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'description', label: '投诉内容', children: text(c.description) },
          { key: 'remedy', label: '客户诉求', children: text(c.remedyWanted) },
          ...(c.solution ? [{ key: 'solution', label: '处理方案', children: text(c.solution) }] : []),
          { key: 'photos', label: '现场照片', children: <ComplaintPhotos complaint={c} /> },
        ]}
      />
      {editing && <FactsEditModal complaint={c} onClose={() => setEditing(false)} />}
      {revealing && <ComplaintRevealModal complaint={c} onClose={() => setRevealing(false)} />}
    </Card>
  );
}

import { Modal, Typography } from 'antd';
import type { Prospect } from '../../../common/contracts/customers.ts';
import { useIsPhone } from '../../components/use-media-query.ts';
import { FollowUpForm } from './follow-up-form.tsx';

/** 「写跟进」 for one prospect from a list (the boards), without opening the customer. */
export function FollowUpModal({ prospect, onClose }: { prospect: Prospect; onClose: () => void }) {
  const isPhone = useIsPhone();
  return (
    <Modal
      open
      title={`写跟进：${prospect.customer.name}`}
      footer={null}
      width={isPhone ? '100%' : 520}
      style={isPhone ? { top: 0, maxWidth: '100vw', margin: 0, paddingBottom: 0 } : undefined}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {prospect.project.name} · 手机 {prospect.customer.mobile}
      </Typography.Paragraph>
      <FollowUpForm
        customerId={prospect.customer.id}
        targets={[{ interestId: prospect.id, projectName: prospect.project.name }]}
        onDone={onClose}
      />
    </Modal>
  );
}

import type { ComplaintDetail } from '../../../common/contracts/complaints.ts';
import { revealComplaintBody } from '../../../common/contracts/complaints.ts';
import { RevealValueModal } from '../../components/reveal-value-modal.tsx';
import { useRevealComplaintMobile } from '../../data/hooks/complaints.ts';

/** 「查看完整号码」 of the complainant (audited on the server). */
export function ComplaintRevealModal({ complaint: c, onClose }: { complaint: ComplaintDetail; onClose: () => void }) {
  const reveal = useRevealComplaintMobile(c.id);
  return (
    <RevealValueModal
      title="查看完整手机号"
      subject={`投诉人：${c.contactName}（投诉 ${c.no}）`}
      valueLabel={`${c.contactName} 的手机号：`}
      reasonSchema={revealComplaintBody.shape.reason}
      placeholder="如：回访客户"
      pending={reveal.isPending}
      reveal={async (reason) => (await reveal.mutateAsync({ reason })).value}
      onClose={onClose}
    />
  );
}

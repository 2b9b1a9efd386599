import { revealBody } from '../../../common/contracts/customers.ts';
import { RevealValueModal } from '../../components/reveal-value-modal.tsx';
import type { RevealField } from '../../data/hooks/customers.ts';
import { useRevealField } from '../../data/hooks/customers.ts';

const FIELD_LABELS: Record<RevealField, string> = { mobile: '手机号', idNumber: '身份证号' };

type RevealModalProps = { customerId: string; customerName: string; field: RevealField; onClose: () => void };

/** 「查看完整号码」 of a customer's mobile or ID number (audited on the server). */
export function RevealModal({ customerId, customerName, field, onClose }: RevealModalProps) {
  const reveal = useRevealField(customerId);
  return (
    <RevealValueModal
      title={`查看完整${FIELD_LABELS[field]}`}
      subject={`客户：${customerName}`}
      valueLabel={`${customerName} 的${FIELD_LABELS[field]}：`}
      reasonSchema={revealBody.shape.reason}
      placeholder="如：客户来电要求回拨"
      pending={reveal.isPending}
      reveal={async (reason) => (await reveal.mutateAsync({ field, reason })).value}
      onClose={onClose}
    />
  );
}

import { Steps } from 'antd';
import type { ComplaintStatus } from '../../../common/complaints.ts';
import { useIsPhone } from '../../components/use-media-query.ts';

// The eight steps (投诉处理八步法); 受理 and 登记 happen together when a complaint is recorded.
const STEPS = ['受理', '登记', '分类分派', '调查', '提出方案', '实施处理', '回访', '关闭'] as const;

// The step each status has reached.
const REACHED: Record<ComplaintStatus, number> = {
  received: 1,
  assigned: 2,
  investigating: 3,
  solution_proposed: 4,
  in_progress: 5,
  awaiting_callback: 6,
  closed: 7,
};

export function ComplaintSteps({ status }: { status: ComplaintStatus }) {
  const isPhone = useIsPhone();
  const current = REACHED[status];
  return (
    <Steps
      size="small"
      current={current}
      status={status === 'closed' ? 'finish' : 'process'}
      orientation={isPhone ? 'vertical' : 'horizontal'}
      titlePlacement="vertical"
      items={STEPS.map((title) => ({ title }))}
      aria-label="处理进度"
    />
  );
}

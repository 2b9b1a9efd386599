import { Steps, Typography } from 'antd';
import type { ComplaintDetail } from '../../../common/contracts/complaints.ts';
import { useIsPhone } from '../../components/use-media-query.ts';
import { formatDateTime } from '../../lib/format.ts';

import { REACHED, STEPS, stepMarks, type StepMark } from './complaint-step-marks.ts';

function StepContent({ mark, owner }: { mark: StepMark | null; owner: string | null }) {
  if (!mark && !owner) return null;
  return (
    <div className="complaint-step-mark" style={{ fontSize: 12, lineHeight: 1.5 }}>
      {mark && (
        <>
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
            {mark.who}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
            {formatDateTime(mark.at)}
          </Typography.Text>
          {mark.owner && <Typography.Text style={{ fontSize: 12, display: 'block' }}>负责人：{mark.owner}</Typography.Text>}
        </>
      )}
      {owner && (
        <Typography.Text strong style={{ fontSize: 12, display: 'block' }}>
          当前负责人：{owner}
        </Typography.Text>
      )}
    </div>
  );
}

/** The eight-step bar: per reached step who moved it on and when, and the current owner. */
export function ComplaintSteps({ complaint }: { complaint: Pick<ComplaintDetail, 'status' | 'events' | 'handler'> }) {
  const isPhone = useIsPhone();
  const { status } = complaint;
  const current = REACHED[status];
  const marks = stepMarks(complaint.events, status);
  const owner = status === 'closed' ? null : (complaint.handler?.name ?? '待分派');
  return (
    <Steps
      size="small"
      current={current}
      status={status === 'closed' ? 'finish' : 'process'}
      orientation={isPhone ? 'vertical' : 'horizontal'}
      titlePlacement="vertical"
      items={STEPS.map((title, step) => ({ title, content: <StepContent mark={marks[step]} owner={step === current ? owner : null} /> }))}
      aria-label="处理进度"
    />
  );
}

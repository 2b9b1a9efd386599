import type { ComplaintStatus } from '../../../common/complaints.ts';
import type { ComplaintDetail } from '../../../common/contracts/complaints.ts';

// The eight steps (投诉处理八步法); 受理 and 登记 happen together when a complaint is recorded.
export const STEPS = ['受理', '登记', '分类分派', '调查', '提出方案', '实施处理', '回访', '关闭'] as const;

// The step each status has reached.
export const REACHED: Record<ComplaintStatus, number> = {
  received: 1,
  assigned: 2,
  investigating: 3,
  solution_proposed: 4,
  in_progress: 5,
  awaiting_callback: 6,
  closed: 7,
};

type ComplaintEvent = ComplaintDetail['events'][number];
export type StepMark = { who: string; at: string; owner?: string };

// Which events mark each step as reached: recording (受理/登记), the assignment (with the new
// owner), the status moves (a reopening goes back to 调查), the call-back and closing.
function marksStep(e: ComplaintEvent, step: number): boolean {
  switch (step) {
    case 0:
    case 1:
      return e.kind === 'created';
    case 2:
      return e.kind === 'assigned';
    case 3:
      return (e.kind === 'status' || e.kind === 'reopened') && e.toValue === 'investigating';
    case 4:
      return e.kind === 'status' && e.toValue === 'solution_proposed';
    case 5:
      return e.kind === 'status' && e.toValue === 'in_progress';
    case 6:
      return e.kind === 'callback' || (e.kind === 'status' && e.toValue === 'awaiting_callback');
    default:
      return e.kind === 'status' && e.toValue === 'closed';
  }
}

/** Who reached each step and when (the latest time, after a reopening), for the steps reached so far. */
export function stepMarks(events: readonly ComplaintEvent[], status: ComplaintStatus): Array<StepMark | null> {
  const current = REACHED[status];
  return STEPS.map((_, step) => {
    if (step > current) return null;
    let latest: ComplaintEvent | null = null;
    for (const e of events) if (marksStep(e, step) && (!latest || e.at >= latest.at)) latest = e;
    if (!latest) return null;
    return { who: latest.actorName, at: latest.at, ...(latest.kind === 'assigned' && latest.toValue ? { owner: latest.toValue } : {}) };
  });
}


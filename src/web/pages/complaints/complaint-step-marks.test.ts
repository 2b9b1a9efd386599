import { describe, expect, it } from 'vitest';
import type { ComplaintDetail } from '../../../common/contracts/complaints.ts';
import { stepMarks } from './complaint-step-marks.ts';

type Event = ComplaintDetail['events'][number];
let n = 0;
const ev = (kind: Event['kind'], at: string, actorName: string, toValue: string | null = null): Event => ({
  id: String(++n), kind, fromValue: null, toValue, content: '', public: false, actorName, at: `2026-11-22T${at}:00.000Z`,
});

describe('stepMarks: who reached each of the eight steps and when', () => {
  const events = [
    ev('created', '01:00', '王客服', 'received'),
    ev('assigned', '02:00', '王客服', '张工'),
    ev('status', '02:00', '王客服', 'assigned'),
    ev('status', '03:00', '张工', 'investigating'),
    ev('note', '03:30', '张工'),
    ev('status', '04:00', '张工', 'solution_proposed'),
  ];

  it('marks the reached steps with actor and time, the assignment with its owner, nothing beyond', () => {
    const marks = stepMarks(events, 'solution_proposed');
    expect(marks).toEqual([
      { who: '王客服', at: '2026-11-22T01:00:00.000Z' },
      { who: '王客服', at: '2026-11-22T01:00:00.000Z' },
      { who: '王客服', at: '2026-11-22T02:00:00.000Z', owner: '张工' },
      { who: '张工', at: '2026-11-22T03:00:00.000Z' },
      { who: '张工', at: '2026-11-22T04:00:00.000Z' },
      null,
      null,
      null,
    ]);
  });

  it('takes the latest handover and, after a reopening, the reopening for 调查 and not the old later steps', () => {
    const later = [
      ...events,
      ev('status', '05:00', '张工', 'in_progress'),
      ev('status', '06:00', '张工', 'awaiting_callback'),
      ev('callback', '07:00', '李回访'),
      ev('status', '08:00', '李回访', 'closed'),
      ev('reopened', '09:00', '王客服', 'investigating'),
      ev('assigned', '09:30', '王客服', '赵工'),
    ];
    const marks = stepMarks(later, 'investigating');
    expect(marks[2]).toEqual({ who: '王客服', at: '2026-11-22T09:30:00.000Z', owner: '赵工' });
    expect(marks[3]).toEqual({ who: '王客服', at: '2026-11-22T09:00:00.000Z' });
    expect(marks.slice(4)).toEqual([null, null, null, null]);
    const closed = stepMarks(later.slice(0, 10), 'closed');
    expect(closed[6]).toEqual({ who: '李回访', at: '2026-11-22T07:00:00.000Z' });
    expect(closed[7]).toEqual({ who: '李回访', at: '2026-11-22T08:00:00.000Z' });
  });
});

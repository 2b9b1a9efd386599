// Pure rules of the funnel (no database), table-tested in rules.test.ts.

type GroupKey = { g: number; channel: string | null; owner: string | null; project: string | null };
// One row of the GROUPING SETS scan: GROUPING bits (channel 4, owner 2, project 1) and the counts
// of the prospects that reached each step by their milestones.
export type Row = GroupKey & { leads: number; visits: number; pledges: number; subscriptions: number; contracts: number };
// Of those, per deal step, the prospects whose deal was cancelled and who hold no deal that far.
export type Lost = GroupKey & { pledges: number; subscriptions: number; contracts: number };

const keyOf = (r: GroupKey) => `${r.g}|${r.channel ?? ''}|${r.owner ?? ''}|${r.project ?? ''}`;

// The funnel's rows net of cancellations (退筹/退订/退房): each row loses, at each deal step, the
// prospects of the same group who no longer hold a deal that far. Leads and visits stay: those
// happened. Never below zero, whatever the inputs.
export function netOfCancellations(rows: Row[], lost: Lost[]): Row[] {
  const lostOf = new Map(lost.map((l) => [keyOf(l), l]));
  return rows.map((r) => {
    const l = lostOf.get(keyOf(r));
    if (!l) return r;
    return {
      ...r,
      pledges: Math.max(0, r.pledges - l.pledges),
      subscriptions: Math.max(0, r.subscriptions - l.subscriptions),
      contracts: Math.max(0, r.contracts - l.contracts),
    };
  });
}

import { describe, expect, it } from 'vitest';
import { netOfCancellations, type Lost, type Row } from './rules.ts';

const row = (g: number, key: Partial<Pick<Row, 'channel' | 'owner' | 'project'>>, counts: [number, number, number, number, number]): Row => ({
  g, channel: key.channel ?? null, owner: key.owner ?? null, project: key.project ?? null,
  leads: counts[0], visits: counts[1], pledges: counts[2], subscriptions: counts[3], contracts: counts[4],
});
const lost = (g: number, key: Partial<Pick<Row, 'channel' | 'owner' | 'project'>>, counts: [number, number, number]): Lost => ({
  g, channel: key.channel ?? null, owner: key.owner ?? null, project: key.project ?? null, pledges: counts[0], subscriptions: counts[1], contracts: counts[2],
});
const steps = (r: Row) => [r.leads, r.visits, r.pledges, r.subscriptions, r.contracts];

describe('netOfCancellations', () => {
  it.each([
    ['no cancellation leaves the row', row(7, {}, [10, 8, 5, 4, 3]), [], [10, 8, 5, 4, 3]],
    ['a cancelled contract leaves the contract step only', row(7, {}, [10, 8, 5, 4, 3]), [lost(7, {}, [0, 0, 1])], [10, 8, 5, 4, 2]],
    ['a cancelled pledge never bought again leaves the pledge step', row(7, {}, [10, 8, 5, 4, 3]), [lost(7, {}, [1, 0, 0])], [10, 8, 4, 4, 3]],
    ['a cancelled subscription leaves subscription and pledge', row(7, {}, [10, 8, 5, 4, 3]), [lost(7, {}, [1, 1, 0])], [10, 8, 4, 3, 3]],
    ['a loss of another group does not apply', row(3, { channel: 'event' }, [4, 4, 2, 2, 2]), [lost(3, { channel: 'walk_in' }, [1, 1, 1])], [4, 4, 2, 2, 2]],
    ['the same key under another grouping does not apply', row(5, { owner: 'u1' }, [4, 4, 2, 2, 2]), [lost(6, { project: 'u1' }, [1, 1, 1])], [4, 4, 2, 2, 2]],
    ['never below zero', row(1, { project: 'p' }, [1, 1, 0, 0, 0]), [lost(1, { project: 'p' }, [1, 1, 1])], [1, 1, 0, 0, 0]],
  ] as const)('%s', (_name, input, losses, expected) => {
    expect(steps(netOfCancellations([input], [...losses])[0])).toEqual(expected);
  });

  it('matches each row to its own group', () => {
    const out = netOfCancellations(
      [row(3, { channel: 'event' }, [3, 3, 3, 3, 3]), row(3, { channel: 'walk_in' }, [2, 2, 2, 2, 2])],
      [lost(3, { channel: 'walk_in' }, [0, 1, 2])],
    );
    expect(out.map(steps)).toEqual([[3, 3, 3, 3, 3], [2, 2, 2, 1, 0]]);
  });
});

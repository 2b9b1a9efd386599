import { describe, expect, it } from 'vitest';
import { diffChanges } from './record.ts';

describe('diffChanges', () => {
  it('records every field of a created record with before null', () => {
    expect(diffChanges(null, { name: '西溪', floors: 18 })).toEqual({ name: { before: null, after: '西溪' }, floors: { before: null, after: 18 } });
  });
  it('records only the changed fields of an update', () => {
    expect(diffChanges({ name: '西溪', floors: 18, city: '杭州' }, { name: '西溪', floors: 20, city: '杭州' })).toEqual({ floors: { before: 18, after: 20 } });
  });
  it('records every field of a deleted record with after null', () => {
    expect(diffChanges({ name: '西溪' }, null)).toEqual({ name: { before: '西溪', after: null } });
  });
  it('never records secrets or bookkeeping columns', () => {
    const out = diffChanges({ passwordHash: 'a', tokenHash: 'x', version: 1, updatedAt: new Date(0) }, { passwordHash: 'b', tokenHash: 'y', version: 2, updatedAt: new Date(1) });
    expect(out).toEqual({});
  });
  it('compares dates and arrays by value', () => {
    expect(diffChanges({ at: new Date(5), ids: ['a', 'b'] }, { at: new Date(5), ids: ['a', 'b'] })).toEqual({});
    expect(diffChanges({ ids: ['a'] }, { ids: ['a', 'b'] })).toEqual({ ids: { before: ['a'], after: ['a', 'b'] } });
  });
});

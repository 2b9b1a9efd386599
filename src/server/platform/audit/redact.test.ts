import { describe, expect, it } from 'vitest';
import { REDACTED, redactChanges } from './redact.ts';

const r = { texts: [{ find: '陈静', replaceWith: '已删除客户' }, { find: '159****5678', replaceWith: REDACTED }], fields: ['occupation', 'tags', 'idNumber'] };

describe('redactChanges', () => {
  it('wipes the named fields, keeping empty values empty', () => {
    expect(redactChanges({ occupation: { before: null, after: '教师' }, tags: { before: [], after: ['学区'] }, idNumber: { before: '', after: null } }, r)).toEqual({
      occupation: { before: null, after: REDACTED },
      tags: { before: [], after: REDACTED },
      idNumber: { before: '', after: null },
    });
  });

  it('takes the texts out of other values, nested ones included, and leaves the rest alone', () => {
    expect(redactChanges({ note: { before: null, after: '陈静来电，号码159****5678' }, list: { before: [{ who: '陈静' }], after: 3 }, stage: { before: 'potential', after: 'intending' } }, r)).toEqual({
      note: { before: null, after: '已删除客户来电，号码已删除' },
      list: { before: [{ who: '已删除客户' }], after: 3 },
      stage: { before: 'potential', after: 'intending' },
    });
  });

  it('keeps the key order of an untouched entry, so it compares equal to the stored one', () => {
    const stored = { stage: { after: 'subscribed', before: 'potential' } };
    expect(JSON.stringify(redactChanges(stored, r))).toBe(JSON.stringify(stored));
  });
});

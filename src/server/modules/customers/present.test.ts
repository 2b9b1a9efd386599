import { describe, expect, it } from 'vitest';
import type { Role } from '../../../common/roles.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { maskName, toCustomer, toProspect, type CustomerRow, type InterestRow } from './present.ts';

// The masking rule at its boundaries: a mobile (and the ID number with it) is shown in full only
// to the owner of one of the customer's prospects; a pool prospect has no owner; an erased
// customer shows nothing; every other role sees it masked, whatever its scope.
const MOBILE = '13812345678';
const ID_NUMBER = '11010519491231002X';

const principal = (userId: string, role: Role, scope: Principal['scope']): Principal => ({
  kind: 'user',
  userId,
  username: userId,
  displayName: userId,
  role,
  scope,
  companyId: 'company-a',
  teamId: 'team-a1',
  projectIds: ['p1', 'p2'],
});
const consultant = principal('u-consultant', 'sales_consultant', 'own');
const colleague = principal('u-colleague', 'sales_consultant', 'own');
const manager = principal('u-manager', 'sales_manager', 'team');
const projectManager = principal('u-project', 'sales_manager', 'project');
const companyCr = principal('u-crm', 'company_cr_manager', 'company');
const groupCr = principal('u-group', 'group_cr', 'group');
const executive = principal('u-exec', 'executive', 'group');

const customer = (erased = false) =>
  ({
    id: 'c1',
    name: erased ? '已删除' : '张伟',
    mobile: erased ? '00000000000' : MOBILE,
    idNumber: erased ? null : ID_NUMBER,
    tags: [],
    sourceChannel: 'walk_in',
    buyerType: null,
    familySegment: null,
    erasedAt: erased ? new Date('2026-11-20T02:00:00Z') : null,
    createdAt: new Date('2026-11-01T02:00:00Z'),
    version: 1,
  }) as unknown as CustomerRow;

const interest = (id: string, projectId: string, ownerId: string | null): InterestRow =>
  ({
    id,
    customerId: 'c1',
    projectId,
    projectName: projectId,
    companyId: 'company-a',
    ownerId,
    ownerName: ownerId,
    channel: 'walk_in',
    stage: 'potential',
    lostReason: '',
    grade: 'B',
    inPool: ownerId === null,
    poolReason: ownerId === null ? '15 天未跟进，自动回收' : '',
    lastContactAt: null,
    nextFollowUpAt: null,
    assignedAt: null,
    version: 1,
    createdAt: new Date('2026-11-01T02:00:00Z'),
  }) as unknown as InterestRow;

const FULL = { mobile: MOBILE, mobileMasked: false, idNumber: ID_NUMBER };
const MASKED = { mobile: '138****5678', mobileMasked: true, idNumber: '110105********002X' };

describe('customer detail masking (toCustomer)', () => {
  it.each([
    { case: 'the owner of the only prospect', viewer: consultant, owners: ['u-consultant'], expected: FULL },
    { case: 'the owner of one of several projects', viewer: consultant, owners: ['u-colleague', 'u-consultant'], expected: FULL },
    { case: 'a consultant of the same project who owns none', viewer: colleague, owners: ['u-consultant'], expected: MASKED },
    { case: 'the previous owner of a pool prospect', viewer: consultant, owners: [null], expected: MASKED },
    { case: 'an owner in one project, the other prospect in the pool', viewer: consultant, owners: [null, 'u-consultant'], expected: FULL },
    { case: 'the team manager', viewer: manager, owners: ['u-consultant'], expected: MASKED },
    { case: 'a project-scope manager', viewer: projectManager, owners: ['u-consultant', 'u-colleague'], expected: MASKED },
    { case: 'the company customer-relations manager', viewer: companyCr, owners: ['u-consultant'], expected: MASKED },
    { case: 'the group customer-relations centre', viewer: groupCr, owners: ['u-consultant'], expected: MASKED },
    { case: 'an executive', viewer: executive, owners: ['u-consultant'], expected: MASKED },
    { case: 'a manager who owns one prospect himself', viewer: manager, owners: ['u-consultant', 'u-manager'], expected: FULL },
  ])('$case', ({ viewer, owners, expected }) => {
    const rows = owners.map((owner, i) => interest(`i${i}`, `p${i + 1}`, owner));
    expect(toCustomer(viewer, customer(), rows, [])).toMatchObject(expected);
  });

  it.each([
    { case: 'its last owner', viewer: consultant },
    { case: 'a manager', viewer: manager },
    { case: 'the group centre', viewer: groupCr },
  ])('an erased customer shows nothing, even to $case', ({ viewer }) => {
    const c = toCustomer(viewer, customer(true), [interest('i0', 'p1', 'u-consultant')], []);
    expect(c).toMatchObject({ mobile: '已删除', mobileMasked: true, idNumber: null, erased: true });
  });
});

describe('prospect row masking (toProspect): by the row\'s own owner', () => {
  it.each([
    { case: 'the row\'s owner', viewer: consultant, owner: 'u-consultant', masked: false },
    { case: 'the owner of another project\'s row of the same customer', viewer: consultant, owner: 'u-colleague', masked: true },
    { case: 'anyone, for a pool row', viewer: consultant, owner: null, masked: true },
    { case: 'the team manager', viewer: manager, owner: 'u-consultant', masked: true },
    { case: 'the group centre', viewer: groupCr, owner: 'u-consultant', masked: true },
  ])('$case → masked: $masked', ({ viewer, owner, masked }) => {
    const row = toProspect(viewer, interest('i0', 'p1', owner), customer());
    expect(row.customer).toMatchObject({ mobile: masked ? '138****5678' : MOBILE, mobileMasked: masked });
  });

  it('an erased customer\'s row shows 已删除 to its owner', () => {
    expect(toProspect(consultant, interest('i0', 'p1', 'u-consultant'), customer(true)).customer).toMatchObject({ mobile: '已删除', mobileMasked: true });
  });
});

describe('maskName: the surname only', () => {
  it.each([
    ['张伟', '张*'],
    ['欧阳娜娜', '欧***'],
    ['李', '李*'],
    [' 王芳 ', '王*'],
    ['', ''],
  ])('%s → %s', (name, masked) => expect(maskName(name)).toBe(masked));
});

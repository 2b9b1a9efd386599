import type { ProjectStatus, UnitStatus } from '../../common/contracts/org.ts';
import type { DataScope, Permission } from '../../common/roles.ts';
import { PERMISSION_LABELS, PERMISSIONS } from '../../common/roles.ts';

// What each data scope reaches, shown next to the scope label (「本人：只能看到本人负责的数据」).
export const SCOPE_EXPLANATIONS: Record<DataScope, string> = {
  own: '只能看到本人负责的数据',
  team: '可以看到本团队成员负责的数据',
  project: '可以看到所负责项目内的数据',
  company: '可以看到本公司所有项目的数据',
  group: '可以看到全集团所有公司和项目的数据',
};

export const PROJECT_STATUS_COLORS: Record<ProjectStatus, string> = {
  planning: 'default',
  selling: 'green',
  sold_out: 'volcano',
  delivered: 'blue',
};

export const UNIT_STATUS_COLORS: Record<UnitStatus, string> = {
  available: 'green',
  reserved: 'gold',
  subscribed: 'blue',
  contracted: 'purple',
  delivered: 'default',
};

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

export function permissionLabel(value: string): string {
  return isPermission(value) ? PERMISSION_LABELS[value] : value;
}

import type { Db } from '../../db/client.ts';
import type { Actor, Principal } from '../../platform/access/principal.ts';

// What an org use case needs: a database (or transaction), the time, and who is acting.
export type OrgCtx = { db: Db; now: Date; actor: Actor; principal: Principal };

export const TAKEN = {
  companies_code_key: ['COMPANY_CODE_TAKEN', '公司编码已被使用'],
  projects_code_key: ['PROJECT_CODE_TAKEN', '项目编码已被使用'],
  buildings_project_name_key: ['BUILDING_NAME_TAKEN', '该项目下已有同名楼栋'],
  units_building_number_key: ['UNIT_NUMBER_TAKEN', '该楼栋下已有相同房号'],
} as const satisfies Record<string, [import('../../platform/errors/app-error.ts').ErrorCode, string]>;

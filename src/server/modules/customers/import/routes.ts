import { z } from 'zod';
import { idParams } from '../../../../common/contracts/common.ts';
import { actorOf, principalOf, type App, type Deps } from '../../../platform/http/types.ts';
import { registerCustomerExportRoute } from '../export.ts';
import { IMPORT_BODY_LIMIT, importCreateBody, importPreviewBody, importPreviewSchema, importStatusSchema } from './schemas.ts';
import { createImport, getImport, importReport, previewImport } from './service.ts';
import { attachment, XLSX_TYPE } from './xlsx.ts';

const access = { permission: 'customers.import' } as const;
const tags = ['customers'];

// Spreadsheet import (queued, processed by the customer-import job) and the filtered export.
export function registerCustomerImportExportRoutes(app: App, deps: Deps) {
  const { database, db, clock } = deps;

  app.post('/api/v1/customer-imports/preview', {
    bodyLimit: IMPORT_BODY_LIMIT,
    config: { access },
    schema: { tags, summary: '导入预览：表头、前 5 行与建议的字段对应（.xlsx 或 .csv，base64）', body: importPreviewBody, response: { 200: importPreviewSchema } },
    handler: (request) => previewImport(request.body),
  });
  app.post('/api/v1/customer-imports', {
    bodyLimit: IMPORT_BODY_LIMIT,
    config: { access },
    schema: {
      tags,
      summary: '导入客户（后台按每批 1000 行处理；按手机号判重合并；返回任务编号）',
      body: importCreateBody,
      response: { 202: z.object({ id: z.string() }) },
    },
    handler: async (request, reply) => {
      const result = await createImport({ database, now: clock.now(), actor: actorOf(request), principal: principalOf(request) }, request.body);
      return reply.status(202).send(result);
    },
  });
  app.get('/api/v1/customer-imports/:id', {
    config: { access },
    schema: { tags, summary: '导入任务进度与结果统计', params: idParams, response: { 200: importStatusSchema } },
    handler: (request) => getImport(db, principalOf(request), request.params.id),
  });
  app.get('/api/v1/customer-imports/:id/report', {
    config: { access },
    schema: { tags, summary: '导入结果明细（Excel：行号、状态、原因、姓名、手机号脱敏）', params: idParams },
    handler: async (request, reply) => {
      const { fileName, buffer } = await importReport({ db, now: clock.now(), actor: actorOf(request), principal: principalOf(request) }, request.params.id);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('import-report.xlsx', `${fileName}-导入结果.xlsx`)).send(buffer);
    },
  });

  registerCustomerExportRoute(app, deps);
}

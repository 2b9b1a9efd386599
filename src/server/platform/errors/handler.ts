import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, ERROR_TITLES, type ErrorCode, type FieldError } from './app-error.ts';

function sendProblem(reply: FastifyReply, code: ErrorCode | string, status: number, detail: string, errors?: FieldError[], extra?: Record<string, unknown>) {
  const title = ERROR_TITLES[code as ErrorCode] ?? '请求失败';
  return reply
    .status(status)
    .type('application/problem+json')
    .send({ ...extra, type: `https://keyuan.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`, title, status, detail, code, ...(errors ? { errors } : {}) });
}

// Map Fastify's own client errors (parsing, size, media type) to stable codes.
const FASTIFY_CODES: Record<string, { code: ErrorCode; detail: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'MALFORMED_JSON', detail: '请求体不是合法的 JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'MALFORMED_JSON', detail: '请求体为空' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', detail: '请求内容超过大小限制' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', detail: '不支持的内容类型' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'BAD_REQUEST', detail: '请求长度与内容不符' },
};

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendProblem(reply, error.code, error.status, error.message, error.fieldErrors, error.extra);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((v) => ({
        field: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: v.message ?? '输入无效',
      }));
      return sendProblem(reply, 'VALIDATION_FAILED', 400, errors.map((e) => (e.field ? `${e.field}：${e.message}` : e.message)).join('；'), errors);
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return sendProblem(reply, mapped.code, mapped.code === 'PAYLOAD_TOO_LARGE' ? 413 : mapped.code === 'UNSUPPORTED_MEDIA_TYPE' ? 415 : 400, mapped.detail);
    if (error.code === 'FST_ERR_RATE_LIMIT_EXCEEDED' || error.statusCode === 429) return sendProblem(reply, 'RATE_LIMITED', 429, '请求过于频繁，请稍后再试');
    if (isResponseSerializationError(error)) request.log.error({ err: error, issues: error.cause }, 'response failed its schema');
    else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, 'BAD_REQUEST', error.statusCode, '请求无效');
    } else request.log.error({ err: error }, 'unhandled error');
    // Never a stack trace or SQL text to the client.
    return sendProblem(reply, 'INTERNAL', 500, '服务器开小差了，请稍后重试；问题已记录');
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, 'ROUTE_NOT_FOUND', 404, `接口不存在：${request.method} ${request.url.split('?')[0]}`),
  );
}

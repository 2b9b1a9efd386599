import type { Problem } from '../../common/contracts/common.ts';
import { problemSchema } from '../../common/contracts/common.ts';

export const API_BASE = '/api/v1';

export type FieldError = { field: string; message: string };

/** A failed API call, carrying the server's RFC 9457 problem (Chinese `detail`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[];

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
  }

  /** The text to show a person. */
  get userMessage(): string {
    return this.detail || this.title;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.userMessage;
  return '操作失败，请稍后重试';
}

type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

export type RequestOptions = {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  /** false for calls whose 401 is an answer (login, the session probe), not an expired session. */
  authRedirect?: boolean;
};

let unauthorizedHandler: (() => void) | null = null;

/** Registers what happens when any call (other than login) answers 401: back to the login page. */
export function setUnauthorizedHandler(handler: () => void): void {
  unauthorizedHandler = handler;
}

export function buildUrl(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

const STATUS_MESSAGES: Record<number, string> = {
  400: '请求参数有误',
  401: '登录已过期，请重新登录',
  403: '没有权限执行此操作',
  404: '请求的数据不存在',
  409: '数据冲突，请刷新后重试',
  429: '操作过于频繁，请稍后再试',
};

function fallbackProblem(status: number, statusText: string): Problem {
  return {
    type: 'about:blank',
    title: statusText || '请求失败',
    status,
    code: `HTTP_${status}`,
    detail: STATUS_MESSAGES[status] ?? (status >= 500 ? '服务器繁忙，请稍后重试' : '请求失败，请稍后重试'),
  };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const hasBody = options.body !== undefined;
  if (hasBody) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: hasBody ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({
      type: 'about:blank',
      title: '网络异常',
      status: 0,
      code: 'NETWORK_ERROR',
      detail: '网络异常，请检查网络连接后重试',
    });
  }

  if (response.status === 204) return undefined as T;
  const data = await readJson(response);

  if (!response.ok) {
    const parsed = problemSchema.safeParse(data);
    const problem = parsed.success ? parsed.data : fallbackProblem(response.status, response.statusText);
    if (response.status === 401 && options.authRedirect !== false) unauthorizedHandler?.();
    throw new ApiError(problem);
  }
  return data as T;
}

type NoBodyOptions = Omit<RequestOptions, 'body'>;

export const api = {
  get: <T>(path: string, options?: NoBodyOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: NoBodyOptions) =>
    request<T>('POST', path, { ...options, body: body ?? {} }),
  patch: <T>(path: string, body: unknown, options?: NoBodyOptions) => request<T>('PATCH', path, { ...options, body }),
  delete: <T = void>(path: string, options?: NoBodyOptions) => request<T>('DELETE', path, options),
};

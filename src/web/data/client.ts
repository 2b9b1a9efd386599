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
  /** The problem's other members (e.g. `existing` on CUSTOMER_EXISTS), as the server sent them. */
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(problem: Problem, extensions: Record<string, unknown> = {}) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
    this.extensions = extensions;
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A fetch that did not get an answer: an abort is passed on as is, anything else is 「网络异常」. */
function networkError(error: unknown): unknown {
  if (error instanceof DOMException && error.name === 'AbortError') return error;
  return new ApiError({
    type: 'about:blank',
    title: '网络异常',
    status: 0,
    code: 'NETWORK_ERROR',
    detail: '网络异常，请检查网络连接后重试',
  });
}

/** The error for a failed response whose body (a problem, or anything else) has been read. */
function failure(response: Response, data: unknown, authRedirect: boolean | undefined): ApiError {
  const parsed = problemSchema.safeParse(data);
  const problem = parsed.success ? parsed.data : fallbackProblem(response.status, response.statusText);
  if (response.status === 401 && authRedirect !== false) unauthorizedHandler?.();
  return new ApiError(problem, parsed.success && isRecord(data) ? data : {});
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
    throw networkError(error);
  }

  if (response.status === 204) return undefined as T;
  const data = await readJson(response);

  if (!response.ok) throw failure(response, data, options.authRedirect);
  return data as T;
}

// `attachment; filename="a.xlsx"; filename*=UTF-8''%E5%AE%A2.xlsx`: the encoded name wins.
function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain ? plain[1].trim() : null;
}

/**
 * GETs a file (an .xlsx export, a JSON data package) and hands it to the browser as a download,
 * named as the server's Content-Disposition says (else `fallbackName`). Failures throw ApiError.
 */
export async function download(path: string, query?: QueryParams, fallbackName = 'download'): Promise<void> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      headers: { accept: '*/*' },
      credentials: 'same-origin',
    });
  } catch (error) {
    throw networkError(error);
  }
  if (!response.ok) throw failure(response, await readJson(response), true);

  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start saving before the blob goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

type NoBodyOptions = Omit<RequestOptions, 'body'>;

export const api = {
  get: <T>(path: string, options?: NoBodyOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: NoBodyOptions) =>
    request<T>('POST', path, { ...options, body: body ?? {} }),
  patch: <T>(path: string, body: unknown, options?: NoBodyOptions) => request<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body: unknown, options?: NoBodyOptions) => request<T>('PUT', path, { ...options, body }),
  delete: <T = void>(path: string, options?: NoBodyOptions) => request<T>('DELETE', path, options),
};

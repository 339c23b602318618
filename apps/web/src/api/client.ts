import type {
  AgencyView,
  ApiErrorBody,
  RejectedUpload,
  ReportView,
  SeriesResponse,
  UploadResult,
  UploadView,
} from '@nianbao/api-contract';

/** An API answer that was not a success: the API's stable code and Chinese message, or `network` when unreachable. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** When every file of an upload was rejected: each file's own reason, in the order sent. */
    readonly rejectedFiles: readonly RejectedUpload[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** An error body as it arrived: anything may be missing when a proxy, not the API, answered. */
type ReceivedErrorBody = { [K in keyof ApiErrorBody]?: unknown };

function isRejectedUpload(entry: unknown): entry is RejectedUpload {
  if (typeof entry !== 'object' || entry === null) return false;
  const { fileName, status, error } = entry as { [K in keyof RejectedUpload]?: unknown };
  if (typeof fileName !== 'string' || status !== 'rejected') return false;
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string';
}

async function errorFrom(response: Response): Promise<ApiError> {
  let body: ReceivedErrorBody = {};
  try {
    body = (await response.json()) as ReceivedErrorBody;
  } catch {
    body = {};
  }
  const code = typeof body.code === 'string' ? body.code : `http_${response.status}`;
  const message = typeof body.message === 'string' ? body.message : response.statusText;
  const files = Array.isArray(body.files) ? body.files.filter(isRejectedUpload) : [];
  return new ApiError(response.status, code, message, files);
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { Accept: 'application/json', ...init?.headers } });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  if (!response.ok) throw await errorFrom(response);
  return (await response.json()) as T;
}

export function fetchAgencies(): Promise<AgencyView[]> {
  return request<AgencyView[]>('/api/agencies');
}

/** `agencyIds` limits the rows to those agencies; left out, every registered agency has a row. */
export function fetchSeries(
  metric: string,
  years: readonly number[],
  agencyIds?: readonly string[],
): Promise<SeriesResponse> {
  const query = new URLSearchParams({ metric, years: years.join(',') });
  if (agencyIds) query.set('agencyIds', agencyIds.join(','));
  return request<SeriesResponse>(`/api/stats/series?${query.toString()}`);
}

export function fetchReport(id: string): Promise<ReportView> {
  return request<ReportView>(`/api/reports/${encodeURIComponent(id)}`);
}

export function fetchUpload(id: string): Promise<UploadView> {
  return request<UploadView>(`/api/uploads/${encodeURIComponent(id)}`);
}

/**
 * One entry per file in the order sent, accepted or rejected. When no file is accepted the API answers an error
 * instead: the ApiError then carries each file's reason in `rejectedFiles`.
 */
export function createUploads(
  files: readonly File[],
  agencyId: string | null,
  year: number | null,
): Promise<UploadResult[]> {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  if (agencyId) form.append('agencyId', agencyId);
  if (year !== null) form.append('year', String(year));
  return request<UploadResult[]>('/api/uploads', { method: 'POST', body: form });
}

import type { Agency, ReportDetail, SeriesResponse, Upload, UploadAccepted } from './types';

/** An API answer that was not a success: the API's stable code and Chinese message, or `network` when unreachable. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorBody {
  code?: unknown;
  message?: unknown;
}

async function errorFrom(response: Response): Promise<ApiError> {
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    body = {};
  }
  const code = typeof body.code === 'string' ? body.code : `http_${response.status}`;
  const message = typeof body.message === 'string' ? body.message : response.statusText;
  return new ApiError(response.status, code, message);
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

export function fetchAgencies(): Promise<Agency[]> {
  return request<Agency[]>('/api/agencies');
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

export function fetchReport(id: string): Promise<ReportDetail> {
  return request<ReportDetail>(`/api/reports/${encodeURIComponent(id)}`);
}

export function fetchUpload(id: string): Promise<Upload> {
  return request<Upload>(`/api/uploads/${encodeURIComponent(id)}`);
}

export function createUploads(files: readonly File[], agencyId: string | null, year: number | null) {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  if (agencyId) form.append('agencyId', agencyId);
  if (year !== null) form.append('year', String(year));
  return request<UploadAccepted[]>('/api/uploads', { method: 'POST', body: form });
}

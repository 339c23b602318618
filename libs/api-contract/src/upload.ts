import type { ErrorDetail } from './error';

/** Where an accepted upload stands: queued until the worker takes it, then parsing, then parsed or failed. */
export type UploadStatus = 'queued' | 'parsing' | 'parsed' | 'failed';

/**
 * One entry of the answer to `POST /api/uploads`, which holds one entry per file in the order the files were sent.
 *
 * Each file is checked on its own as it arrives: its name (no path, no control characters, an allowed extension) and
 * its content (sniffed, never the declared MIME type), which must be what the extension says. A file that passes is
 * stored and queued for parsing (`AcceptedUpload`); one that does not is neither stored nor queued (`RejectedUpload`,
 * with a stable code and a Chinese message).
 *
 * Batch semantics: 202 with every entry as soon as at least one file was accepted, so a caller looks at each entry's
 * `status`. When every file is rejected the request fails as a whole with an `ApiErrorBody` whose `files` holds the
 * rejected entries and whose `code` is their common code (415 for unsupported_type, extension_mismatch,
 * legacy_spreadsheet; 400 for invalid_file_name; 422 for empty_file, corrupt_file, encrypted_file), or
 * `files_rejected` (422) when the files were rejected for different reasons.
 */
export type UploadResult = AcceptedUpload | RejectedUpload;

export interface AcceptedUpload {
  id: string;
  status: 'queued';
  fileName: string;
}

/** `Code` lets the api name its own error codes; readers see strings. */
export interface RejectedUpload<Code extends string = string> {
  fileName: string;
  status: 'rejected';
  error: ErrorDetail<Code>;
}

/** The answer of `GET /api/uploads/:id`. */
export interface UploadView {
  id: string;
  status: UploadStatus;
  fileName: string;
  /** Once parsed: the report the upload became a version of. */
  reportId?: string;
  /** Once failed: why (e.g. not_annual_report, parse_timeout). */
  error?: ErrorDetail;
}

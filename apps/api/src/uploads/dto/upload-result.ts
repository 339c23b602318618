import type { UploadStatus } from '@nianbao/persistence';
import type { UploadErrorCode } from '../upload.error';

/**
 * The answer to `POST /api/uploads`, one entry per file, in the order the files were sent.
 *
 * Each file is checked on its own as it arrives — its name (no path, no control characters, an allowed extension)
 * and its content (sniffed, never the declared MIME type), which must be what the extension says:
 * .docx ↔ Word (.docx), .doc/.wps ↔ Word 97 binary, .pdf ↔ PDF, .html/.htm/.shtml ↔ HTML, .txt/.md ↔ plain text,
 * .xlsx ↔ Excel (.xlsx). A file that passes is stored with its original name and queued for parsing
 * (`AcceptedUpload`); one that does not is neither stored nor queued (`RejectedUpload`, with a stable code and a
 * Chinese message).
 *
 * Batch semantics: 202 with every entry as soon as at least one file was accepted, so the caller must look at each
 * entry's `status`. When every file is rejected the request fails as a whole: `{ statusCode, code, message, files }`
 * where `files` holds the rejected entries and `code` is their common code (415 for unsupported_type,
 * extension_mismatch, legacy_spreadsheet; 400 for invalid_file_name; 422 for empty_file, corrupt_file,
 * encrypted_file), or `files_rejected` (422) when the files were rejected for different reasons.
 */
export type UploadResult = AcceptedUpload | RejectedUpload;

export interface AcceptedUpload {
  id: string;
  status: UploadStatus;
  fileName: string;
}

export interface RejectedUpload {
  fileName: string;
  status: 'rejected';
  error: { code: UploadErrorCode; message: string };
}

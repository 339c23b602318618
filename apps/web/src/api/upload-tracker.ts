import type { RejectedUpload, UploadResult, UploadView } from '@nianbao/api-contract';
import { reactive } from 'vue';
import { fetchUpload } from './client';
import { errorText } from './error-text';

const POLL_INTERVAL_MS = 1500;

/** Where a file stands in the list: its batch (one submit; numbered from 1 in this tab) and its own key. */
interface Tracked {
  key: string;
  batch: number;
}

/** An accepted upload, asked about until it is parsed or failed. */
export interface PolledUpload extends UploadView, Tracked {
  /** Set when asking the API about this upload failed (not when the upload itself failed). */
  pollError?: string;
}

/** A file the API refused at the door: never stored nor queued, shown with its reason. */
export interface RefusedFile extends RejectedUpload, Tracked {}

export type TrackedUpload = PolledUpload | RefusedFile;

/** Files sent in this browser tab, newest batch first, each batch in the order sent; kept across pages. */
export const trackedUploads = reactive<TrackedUpload[]>([]);

let timer: ReturnType<typeof setTimeout> | null = null;
let batchCount = 0;

function isPending(upload: TrackedUpload): upload is PolledUpload {
  return upload.status === 'queued' || upload.status === 'parsing';
}

async function pollOnce(): Promise<void> {
  const pending = trackedUploads.filter(isPending);
  await Promise.all(
    pending.map(async (upload) => {
      try {
        const latest = await fetchUpload(upload.id);
        Object.assign(upload, latest, { pollError: undefined });
      } catch (caught) {
        upload.pollError = errorText(caught);
      }
    }),
  );
}

function schedule(): void {
  if (timer !== null || !trackedUploads.some(isPending)) return;
  timer = setTimeout(async () => {
    timer = null;
    await pollOnce();
    schedule();
  }, POLL_INTERVAL_MS);
}

/** Adds one batch's answer (or, when every file was rejected, the rejections) and polls the accepted files. */
export function track(results: readonly UploadResult[]): void {
  batchCount += 1;
  const batch = batchCount;
  const tracked = results.map(
    (result, index): TrackedUpload =>
      result.status === 'rejected'
        ? { ...result, key: `rejected-${batch}-${index}`, batch }
        : { ...result, key: result.id, batch },
  );
  trackedUploads.unshift(...tracked);
  schedule();
}

/** Stops asking the API (e.g. when the upload page is left); `resumePolling` starts again. */
export function stopPolling(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
}

export function resumePolling(): void {
  schedule();
}

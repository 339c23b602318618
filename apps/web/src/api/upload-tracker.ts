import { reactive } from 'vue';
import { fetchUpload } from './client';
import { errorText } from './error-text';
import type { Upload } from './types';

const POLL_INTERVAL_MS = 1500;

export interface TrackedUpload extends Upload {
  /** Set when asking the API about this upload failed (not when the upload itself failed). */
  pollError?: string;
}

/** Uploads sent in this browser tab, newest first; kept while the user moves between pages. */
export const trackedUploads = reactive<TrackedUpload[]>([]);

let timer: ReturnType<typeof setTimeout> | null = null;

function isSettled(upload: TrackedUpload): boolean {
  return upload.status === 'parsed' || upload.status === 'failed';
}

async function pollOnce(): Promise<void> {
  const pending = trackedUploads.filter((upload) => !isSettled(upload));
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
  if (timer !== null || trackedUploads.every(isSettled)) return;
  timer = setTimeout(async () => {
    timer = null;
    await pollOnce();
    schedule();
  }, POLL_INTERVAL_MS);
}

export function track(uploads: readonly Upload[]): void {
  trackedUploads.unshift(...uploads);
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

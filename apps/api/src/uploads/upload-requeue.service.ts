import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { UploadsRepository } from '@nianbao/persistence';
import { UploadsService } from './uploads.service';

/** An upload counts as stranded when it is still `queued` this long after it was recorded. */
export const STRANDED_AFTER_MS = 60_000;
const SWEEP_INTERVAL_MS = 60_000;
const SWEEP_BATCH = 100;

/**
 * Uploads whose job never reached the queue (it was down when they arrived: the api answered 503 and kept them
 * `queued`) are enqueued again by a sweep at start and every minute. Job ids are deterministic, so adding a job that
 * is still waiting changes nothing, and several api processes can sweep at once.
 */
@Injectable()
export class UploadRequeueService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(UploadRequeueService.name);
  private timer: NodeJS.Timeout | undefined;
  private sweeping = false;

  constructor(
    private readonly uploads: UploadsRepository,
    private readonly uploadsService: UploadsService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.timer.unref();
    void this.sweep();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Enqueues the stranded uploads as of `now`; answers how many were added. Stops at the first queue failure. */
  async sweep(now: Date = new Date()): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    let added = 0;
    try {
      const stranded = await this.uploads.findQueuedBefore(new Date(now.getTime() - STRANDED_AFTER_MS), SWEEP_BATCH);
      for (const upload of stranded) {
        await this.uploadsService.enqueue(upload.id, upload.revision);
        added += 1;
      }
      if (added > 0) this.logger.log(`re-enqueued ${added} stranded upload(s)`);
    } catch (error) {
      this.logger.warn(`stranded-upload sweep stopped: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.sweeping = false;
    }
    return added;
  }
}

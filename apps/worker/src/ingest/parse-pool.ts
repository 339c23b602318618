import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, type ParseLimits } from '@nianbao/config';
import { ParseError } from '@nianbao/report-parser';
import type { ParsedReport } from '@nianbao/report-format';
import { extname, join, resolve } from 'node:path';
import { Piscina } from 'piscina';
import { IngestFailureCode } from './ingest-failure';
import type { ParseTask, ParseThreadResult } from './parse-thread';

/** Parse threads; the ingest processor runs as many jobs at once, so that a job never waits for a thread. */
export const PARSE_THREADS = 1;

/** A thread that cannot load the parser within this is broken; the job fails transiently and retries. */
const THREAD_START_TIMEOUT_MS = 30_000;

/**
 * The thread entry sits beside this file: compiled `.js` under dist (where `@nianbao/*` imports are already rewritten
 * to relative paths by the nest build), or `.ts` when running from the sources (Jest, tsx); then the thread loads it
 * through tsx, which resolves `@nianbao/*` from tsconfig.json's paths.
 */
function threadEntry(): { filename: string; execArgv: string[]; env?: NodeJS.ProcessEnv } {
  const filename = join(__dirname, `parse-thread${extname(__filename)}`);
  if (!filename.endsWith('.ts')) return { filename, execArgv: [] };
  const tsconfig = resolve(__dirname, '..', '..', '..', '..', 'tsconfig.json');
  return { filename, execArgv: ['--import', 'tsx'], env: { ...process.env, TSX_TSCONFIG_PATH: tsconfig } };
}

/** A parse stopped because it went past PARSE_TIMEOUT_MS or PARSE_MAX_MEMORY_MB; the input is to blame, no retry. */
export class ParseLimitError extends Error {
  constructor(
    readonly code: IngestFailureCode.ParseTimeout | IngestFailureCode.ParseOutOfMemory,
    detail: string,
  ) {
    super(detail);
    this.name = 'ParseLimitError';
  }
}

/** By its code only: the error is made by Node's worker_threads, whose Error may be another realm's (under Jest). */
function isOutOfMemory(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/**
 * Runs `parseReport` off the worker's main thread (piscina), so that no input can hang the queue consumer or take
 * unbounded memory: each parse has a wall-clock limit and the thread a heap limit (`resourceLimits`). A thread past
 * either is terminated and replaced by piscina; the next parse waits until the new thread has loaded the parser.
 */
@Injectable()
export class ParsePool implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ParsePool.name);
  private readonly limits: ParseLimits;
  private readonly pool: Piscina<ParseTask, ParseThreadResult>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limits = config.parseLimits;
    this.pool = new Piscina<ParseTask, ParseThreadResult>({
      ...threadEntry(),
      minThreads: PARSE_THREADS,
      maxThreads: PARSE_THREADS,
      concurrentTasksPerWorker: 1,
      resourceLimits: { maxOldGenerationSizeMb: this.limits.maxMemoryMb },
    });
    this.pool.on('error', (error: unknown) => {
      this.logger.error(`parse thread failed outside a parse: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  /** Loads the parser in the thread at boot: a worker whose thread cannot start fails now, not on the first job. */
  async onModuleInit(): Promise<void> {
    const started = Date.now();
    await this.threadReady();
    this.logger.log(`parse thread ready in ${Date.now() - started} ms (limits ${this.limits.timeoutMs} ms, ${this.limits.maxMemoryMb} MB)`);
  }

  /** Lets a parse in progress finish (the queue worker waits for its job), then stops the threads. */
  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }

  /**
   * The parsed report; throws ParseError for input the parser refuses, ParseLimitError when the parse went past a
   * limit, and any other error (a thread that died otherwise) as transient.
   */
  async parse(bytes: Uint8Array, fileName: string): Promise<ParsedReport> {
    await this.threadReady();
    const copy = new Uint8Array(bytes);
    const timeout = AbortSignal.timeout(this.limits.timeoutMs);
    let result: ParseThreadResult;
    try {
      result = await this.pool.run({ bytes: copy, fileName }, { signal: timeout, transferList: [copy.buffer] });
    } catch (error) {
      if (timeout.aborted) {
        throw new ParseLimitError(IngestFailureCode.ParseTimeout, `parse took over ${this.limits.timeoutMs} ms`);
      }
      if (isOutOfMemory(error)) {
        throw new ParseLimitError(IngestFailureCode.ParseOutOfMemory, `parse needed over ${this.limits.maxMemoryMb} MB`);
      }
      throw error;
    }
    if (!result.ok) throw new ParseError(result.code, result.message);
    return result.report;
  }

  /** Resolves once a thread has the parser loaded and is idle, so that a parse's clock starts when the parse does. */
  private async threadReady(): Promise<void> {
    await this.pool.run({ bytes: new Uint8Array(0), fileName: '' }, {
      name: 'ready',
      signal: AbortSignal.timeout(THREAD_START_TIMEOUT_MS),
    });
  }
}

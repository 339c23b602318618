export type PartState = 'up' | 'down';

/** The answer of `GET /api/health`: 200 when both parts are up, 503 (`degraded`) naming the part that is down. */
export interface HealthView {
  status: 'ok' | 'degraded';
  database: PartState;
  queue: PartState;
}

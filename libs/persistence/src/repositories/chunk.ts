/** Postgres accepts at most 65,535 bound parameters per statement; stay well below it. */
export const MAX_BIND_PARAMETERS = 60_000;

/** Splits rows into chunks whose parameter count (rows × columns) stays below MAX_BIND_PARAMETERS. */
export function chunkForInsert<T>(rows: readonly T[], columnsPerRow: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_BIND_PARAMETERS / columnsPerRow));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}

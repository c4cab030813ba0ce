/**
 * The one way an export answers: CSV streamed from the database a batch at a time (a 50,000-number fleet never
 * sits in memory), with a byte-order mark so spreadsheet apps read URLs and names as UTF-8.
 *
 * The first batch is read before the Response exists: a query that fails (bad input the filter let through, a
 * database error) rejects here and the route answers with a JSON error, instead of a 200 whose body then breaks
 * off (the browser sees a reset connection and a truncated file).
 */
import 'server-only';
import { logger } from '@/lib/log';
import { type CsvColumns, csvHeader, csvRecords } from './stringify';

const BOM = '\uFEFF';

export async function csvResponse<R>(options: {
  filename: string;
  columns: CsvColumns<R>;
  batches: AsyncGenerator<readonly R[]>;
  /** Names the export in the log when a later batch fails. */
  label: string;
}): Promise<Response> {
  const { columns, batches } = options;
  const first = await batches.next();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BOM + csvHeader(columns)));
      if (first.done) controller.close();
      else controller.enqueue(encoder.encode(csvRecords(columns, first.value)));
    },
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) return controller.close();
        controller.enqueue(encoder.encode(csvRecords(columns, next.value)));
      } catch (error) {
        logger.error({ err: error, export: options.label }, 'export failed');
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${options.filename}"`,
      'cache-control': 'no-store',
    },
  });
}

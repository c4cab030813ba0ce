import { type GraphError, isGraphError } from '../errors';

/** Awaits a promise that must reject with a GraphError, and returns that error. */
export async function graphFailure(promise: Promise<unknown>): Promise<GraphError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isGraphError(error)) throw new Error(`expected a GraphError, got ${String(error)}`);
  return error;
}

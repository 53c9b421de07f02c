/**
 * A Web Worker's request loop: requests that queue up while one is handled are collapsed to the
 * newest, so that a fast slider or typing in a field never builds a backlog. Returns the function
 * to call with each request; `handle` runs in a later task with the newest one and a
 * `superseded()` that turns true once a newer request waits (to skip slower follow-up work).
 * @example const submit = newestOnly(compute); scope.onmessage = (event) => submit(event.data);
 */
export function newestOnly<T>(
  handle: (request: T, superseded: () => boolean) => void,
): (request: T) => void {
  let pending: T | null = null;
  const run = () => {
    const request = pending;
    pending = null;
    if (request !== null) handle(request, () => pending !== null);
  };
  return (request) => {
    const idle = pending === null;
    pending = request;
    // Let messages that arrive meanwhile replace `pending` before computing.
    if (idle) setTimeout(run, 0);
  };
}

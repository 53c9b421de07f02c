import type { NativeArg } from './addon.js';

/**
 * Runs asynchronous native jobs one at a time, in call order. OpenBLAS already spreads one job
 * over every core, so parallel jobs would only oversubscribe them (and park libuv pool threads
 * that fs and dns need). The addon copies its inputs when a job starts; a job that has to wait
 * gets a snapshot of its Float64Array arguments at call time, so callers may mutate their
 * matrices as soon as the call returns.
 * @example const q = new SerialQueue(); await q.run([data, 3], (args) => addon.eighAsync(...args));
 */
export class SerialQueue {
  private unfinished = 0;
  private last: Promise<unknown> = Promise.resolve();

  /** Starts `start(args)` now when idle, else after every earlier job settled. */
  run<T>(args: NativeArg[], start: (args: NativeArg[]) => Promise<T>): Promise<T> {
    const idle = this.unfinished === 0;
    this.unfinished++;
    let job: Promise<T>;
    if (idle) {
      // Called synchronously so the addon copies the inputs before the caller's next statement.
      job = attempt(() => start(args));
    } else {
      const own = args.map((a) => (a instanceof Float64Array ? a.slice() : a));
      job = this.last.then(() => attempt(() => start(own)));
    }
    const done = job.finally(() => {
      this.unfinished--;
    });
    this.last = done.catch(() => undefined);
    return done;
  }

  /** Jobs started or waiting. */
  get size(): number {
    return this.unfinished;
  }
}

function attempt<T>(start: () => Promise<T>): Promise<T> {
  try {
    return start();
  } catch (error) {
    return Promise.reject(error);
  }
}

import type { NativeArg } from './addon.js';

/**
 * Runs asynchronous native jobs in call order, at most `lanes()` at a time (asked again whenever a
 * job could start). One lane is the rule: OpenBLAS already spreads one job over every core, so
 * parallel jobs would only oversubscribe them (and park libuv pool threads that fs and dns need).
 * While OpenBLAS is fixed at one thread the addon runs jobs side by side, and the backend gives
 * one lane per core. The addon copies its inputs when a job starts; a job that has to wait gets a
 * snapshot of its Float64Array arguments at call time, so callers may mutate their matrices as
 * soon as the call returns (except for borrowed jobs, which read them in place).
 * @example const q = new JobQueue(() => 1); await q.run([data, 3], (args) => addon.eighAsync(...args));
 */
export class JobQueue {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly lanes: () => number = () => 1) {}

  /**
   * Starts `start(args)` now when a lane is free and no job waits, else after the earlier ones.
   * `borrowed`: the job reads its arrays in place (the caller leaves them alone until it settles),
   * so a waiting job gets them as they are, not a snapshot.
   */
  run<T>(
    args: NativeArg[],
    start: (args: NativeArg[]) => Promise<T>,
    borrowed = false,
  ): Promise<T> {
    if (this.waiting.length === 0 && this.running < this.lanes()) {
      // Called synchronously so the addon copies the inputs before the caller's next statement.
      return this.launch(() => start(args));
    }
    const own = borrowed ? args : args.map((a) => (a instanceof Float64Array ? a.slice() : a));
    return new Promise<T>((resolve, reject) => {
      this.waiting.push(() => {
        this.launch(() => start(own)).then(resolve, reject);
      });
    });
  }

  /** Jobs started or waiting. */
  get size(): number {
    return this.running + this.waiting.length;
  }

  private launch<T>(start: () => Promise<T>): Promise<T> {
    this.running++;
    return attempt(start).finally(() => {
      this.running--;
      while (this.waiting.length > 0 && this.running < this.lanes()) this.waiting.shift()!();
    });
  }
}

function attempt<T>(start: () => Promise<T>): Promise<T> {
  try {
    return start();
  } catch (error) {
    return Promise.reject(error);
  }
}

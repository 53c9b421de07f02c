import { Redis } from 'ioredis';
import { InvalidArgumentError } from '../../errors.js';
import type { QueueUrl } from './connection.js';

/**
 * Opens an ioredis client on a queue URL, as BullMQ needs it (`maxRetriesPerRequest: null`), and
 * checks it with a PING.
 * @throws {InvalidArgumentError} naming `flag` when Redis cannot be reached within
 * `timeoutMs` or refuses the client (wrong or missing password).
 * @example const redis = await connectRedis(parseQueueUrl('redis://127.0.0.1:6379'));
 */
export async function connectRedis(
  url: QueueUrl,
  flag = '--queue',
  timeoutMs = 10_000,
): Promise<Redis> {
  const redis = new Redis(url.url, { maxRetriesPerRequest: null, lazyConnect: true });
  let lastError: Error | undefined;
  const remember = (error: Error) => void (lastError = error);
  redis.on('error', remember);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.connect().then(() => redis.ping()),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(lastError ?? new Error('timed out')), timeoutMs);
      }),
    ]);
  } catch (error) {
    redis.disconnect();
    const e = (lastError ?? error) as Error & { code?: string };
    const auth = /NOAUTH|WRONGPASS|invalid password|ERR AUTH/i.test(e.message);
    const cert = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(`${e.code} ${e.message}`);
    throw new InvalidArgumentError(
      flag,
      auth
        ? `was refused by Redis (${e.message}); give the password as redis://:PASSWORD@host:port`
        : cert
          ? `has a TLS certificate this machine does not trust (${e.code ?? e.message}); for a private CA, run with NODE_EXTRA_CA_CERTS=ca.crt`
          : `cannot be reached (${e.code ?? e.message}): is redis-server running and listening there`,
      url.shown,
    );
  } finally {
    clearTimeout(timer);
    redis.off('error', remember);
  }
  return redis;
}

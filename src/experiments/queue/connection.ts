import { InvalidArgumentError } from '../../errors.js';

/** The queue URL when `--queue` is given without one: Redis on loopback, default port. */
export const DEFAULT_QUEUE_URL = 'redis://127.0.0.1:6379';

/**
 * The queue URL to use when the command line gives none: `$RMTKIT_QUEUE` if set (which keeps a
 * password out of `ps`), else {@link DEFAULT_QUEUE_URL}.
 * @example defaultQueueUrl() // 'redis://127.0.0.1:6379' without RMTKIT_QUEUE
 */
export function defaultQueueUrl(): string {
  return process.env.RMTKIT_QUEUE || DEFAULT_QUEUE_URL;
}

/** What a queue URL says about where Redis is and how the link is protected. */
export interface QueueUrl {
  url: string;
  host: string;
  port: number;
  tls: boolean;
  password: boolean;
  loopback: boolean;
  /** The URL with its password replaced by `***`, for messages and logs. */
  shown: string;
}

/**
 * Parses and checks a queue URL: `redis://[[user]:password@]host[:port][/db]`, or `rediss://…`
 * for TLS.
 * @throws {InvalidArgumentError} naming `flag` for another scheme or a malformed URL.
 * @example parseQueueUrl('redis://:secret@10.0.0.5:6380').shown // 'redis://:***@10.0.0.5:6380'
 */
export function parseQueueUrl(text: string, flag = '--queue'): QueueUrl {
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new InvalidArgumentError(flag, 'must be a redis:// or rediss:// URL', text);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:')
    throw new InvalidArgumentError(flag, 'must be a redis:// or rediss:// URL', text);
  const host = parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
  const shown = new URL(text);
  if (shown.password) shown.password = '***';
  return {
    url: text,
    host,
    port: parsed.port ? Number(parsed.port) : 6379,
    tls: parsed.protocol === 'rediss:',
    password: parsed.password !== '',
    loopback: host === 'localhost' || host === '::1' || /^127\./.test(host),
    shown: shown.href.replace(/\/$/, ''),
  };
}

/**
 * A warning for a queue URL that exposes the sweep: Redis off loopback without a password, or
 * without TLS (then the password and the results cross the network in clear). Undefined when the
 * URL is safe.
 * @example queueUrlWarning(parseQueueUrl('redis://10.0.0.5')) // 'redis://10.0.0.5:6379 is not on loopback …'
 */
export function queueUrlWarning(url: QueueUrl): string | undefined {
  if (url.loopback || (url.password && url.tls)) return undefined;
  const missing = [url.password ? '' : 'no password', url.tls ? '' : 'no TLS'].filter(Boolean);
  return `${url.shown} is not on loopback and has ${missing.join(' and ')}: anyone on the network can read or alter the sweep; use an SSH tunnel, or rediss:// with a password (docs/distributed.md)`;
}

import { pino, type Logger, type DestinationStream } from 'pino';
import type { Config } from './config.js';

/**
 * The process logger: JSON lines in production and tests, pretty-printed in development.
 * Every request gets a child carrying its `reqId`.
 */
export function createLogger(config: Pick<Config, 'env' | 'logLevel'>, destination?: DestinationStream): Logger {
  const options = { level: config.logLevel, base: { service: 'motcua' }, redact: ['req.headers.authorization', '*.password', '*.refreshToken'] };
  if (destination) return pino(options, destination);
  if (config.env === 'development') {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' } } });
  }
  return pino(options);
}

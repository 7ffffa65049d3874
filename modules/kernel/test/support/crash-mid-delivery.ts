/**
 * A server process that dies in the middle of delivering an event (run by outbox.test.ts as
 * `node … crash-mid-delivery.ts <DATABASE_URL>`). It commits one TestRaised event, then
 * drains: handler `first` commits its effect and inbox receipt, handler `second` writes its
 * effect and the process SIGKILLs itself inside that handler's open transaction, leaving the
 * event leased by a dead owner. Prints the event id on stdout before delivering.
 */
import 'reflect-metadata';
import { FixedClock } from '@motcua/kernel/contract';
import { raise, startKernelApp, T0 } from './harness.js';
import { effectHandler } from './test-module.js';

const [databaseUrl] = process.argv.slice(2);
if (!databaseUrl) throw new Error('usage: crash-mid-delivery.ts <DATABASE_URL>');

const die = async (): Promise<void> => {
  process.kill(process.pid, 'SIGKILL');
  await new Promise(() => undefined); // never resumes: the kill is immediate
};
const t = await startKernelApp({
  databaseUrl,
  clock: new FixedClock(T0),
  handlers: [effectHandler('first').definition, effectHandler('second', { afterEffect: die }).definition],
});
process.stdout.write(`${await raise(t, 'crash')}\n`);
await t.app.dispatcher.drain();
throw new Error('unreachable: the process should have died while delivering');

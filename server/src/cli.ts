import 'reflect-metadata';
import { createSystemAdministrator } from '@motcua/identity/contract';
import { checkAuditAnchors } from '@motcua/signature/contract';
import { AppError, systemClock, verifyAuditChain } from '@motcua/kernel/contract';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Config, loadConfig, REPO_ROOT } from './config.js';
import { createLogger } from './logger.js';
import { createMigrations } from './migration-create.js';
import { MODULES } from './modules.js';
import { migrate, openOrm } from './orm.js';
import { buildAppSchema, printAppSchema } from './graphql/schema.js';
import { runSeeds } from './seed.js';

const SCHEMA_FILE = resolve(REPO_ROOT, 'server/schema.graphql');

type Command = (config: Config, args: string[]) => Promise<number>;

const COMMANDS: Record<string, { help: string; run: Command }> = {
  migrate: {
    help: 'apply pending migrations',
    run: async (config) => {
      const orm = await openOrm(config.database, MODULES);
      const applied = await migrate(orm);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
      await orm.close();
      return 0;
    },
  },
  seed: {
    help: 'seed built-in data; with --demo also the demo province and accounts (into an empty database)',
    run: async (config, args) => {
      const orm = await openOrm(config.database, MODULES);
      await migrate(orm);
      await runSeeds(orm, MODULES, systemClock, createLogger(config), args.includes('--demo'));
      await orm.close();
      console.log('seeded');
      return 0;
    },
  },
  'admin:create': {
    help: 'create a system administrator: --username U --password P --full-name "Họ tên"',
    run: async (config, args) => {
      const option = (name: string) => args[args.indexOf(`--${name}`) + 1] ?? '';
      const orm = await openOrm(config.database, MODULES);
      try {
        await migrate(orm);
        await runSeeds(orm, MODULES, systemClock, createLogger(config), false);
        const input = { username: option('username'), password: option('password'), fullName: option('full-name') };
        const id = await orm.em.fork().transactional((em) => createSystemAdministrator(em, input, systemClock.now()));
        console.log(`created system administrator ${input.username} (${id})`);
        return 0;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        console.error(`${error.messages.vi}\n${error.messages.en}`);
        return 1;
      } finally {
        await orm.close();
      }
    },
  },
  'audit:verify': {
    help: 'check the hash chain of the audit log; exit 1 and name the first broken row',
    run: async (config) => {
      const orm = await openOrm(config.database, MODULES);
      const result = await verifyAuditChain(orm.em.fork());
      await orm.close();
      if (result.ok) console.log(`audit chain intact: ${result.checked} records`);
      else console.log(`audit chain BROKEN at seq ${result.firstBroken!.seq} (${result.firstBroken!.reason}); ${result.checked} records before it are intact`);
      return result.ok ? 0 : 1;
    },
  },
  'audit:anchors': {
    help: 'check the audit chain and every RFC 3161 timestamp of its head; exit 1 naming each problem',
    run: async (config) => {
      const orm = await openOrm(config.database, MODULES);
      const report = await checkAuditAnchors(orm.em.fork());
      await orm.close();
      console.log(report.chain.ok ? `audit chain intact: ${report.chain.checked} records` : `audit chain BROKEN at seq ${report.chain.firstBroken!.seq} (${report.chain.firstBroken!.reason})`);
      for (const anchor of report.anchors) {
        const verdict = anchor.problems.length ? `PROBLEM: ${anchor.problems.join('; ')}` : 'ok';
        console.log(`anchor seq ${anchor.seq} stamped ${anchor.genTime.toISOString()} by ${anchor.tsa}: ${verdict}`);
      }
      if (!report.anchors.length) console.log('no anchors yet (the signature.audit.anchor job stamps the head hourly when a TSA is configured)');
      return report.ok ? 0 : 1;
    },
  },
  schema: {
    help: 'write server/schema.graphql from the code (--check: exit 1 if it differs)',
    run: async (_config, args) => {
      const sdl = printAppSchema(await buildAppSchema(MODULES));
      if (args.includes('--check')) {
        const same = readFileSync(SCHEMA_FILE, 'utf8') === sdl;
        console.log(same ? 'schema.graphql is current' : 'schema.graphql differs from the code: run `pnpm schema`');
        return same ? 0 : 1;
      }
      writeFileSync(SCHEMA_FILE, sdl);
      console.log(`wrote ${SCHEMA_FILE}`);
      return 0;
    },
  },
  'migration:create': {
    help: 'generate a migration per dialect from the entities (needs PostgreSQL at PG_ADMIN_URL)',
    run: async () => {
      for (const line of await createMigrations(MODULES)) console.log(line);
      return 0;
    },
  },
};

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.log('usage: cli <command>\n' + Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(18)}${c.help}`).join('\n'));
    return name ? 2 : 0;
  }
  return command.run(loadConfig({ LOG_LEVEL: 'warn', ...process.env }), args);
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(1);
});

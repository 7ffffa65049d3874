import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The house rule (docs/architecture.md): a module imports another module only through its
 * `contract.ts`. Module sources may import `@motcua/<other>/contract`; tests may also import
 * another module's definition (`@motcua/<other>`) to compose a test server, and the server's
 * test harness. Admin code (`admin/`, `modules/<m>/admin/`) may import admin plugins
 * (`@motcua/<m>/admin`, the kernel's admin toolkit included) and contracts.
 * Nothing reaches into another package's files by path.
 */
const ROOT = resolve(__dirname, '../..');
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

interface Violation {
  file: string;
  specifier: string;
  reason: string;
}

/** The module a repository-relative file belongs to (`modules/<name>/…`), or null. */
function moduleOf(file: string): string | null {
  const match = /^modules\/([^/]+)\//.exec(file);
  return match ? match[1] : null;
}

/** Checks one file's imports against the rule. `file` is relative to the repository root. */
function checkImports(file: string, source: string): Violation[] {
  const owner = moduleOf(file);
  const isTest = /\/test\//.test(file) || file.endsWith('.test.ts');
  const isAdmin = /^(admin\/|modules\/[^/]+\/admin\/)/.test(file);
  const violations: Violation[] = [];
  for (const match of source.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2];
    const fail = (reason: string) => violations.push({ file, specifier, reason });
    if (specifier.startsWith('.')) {
      const target = relative(ROOT, resolve(ROOT, dirname(file), specifier)).split(sep).join('/');
      const targetModule = moduleOf(target);
      if (owner && targetModule !== owner) fail('relative import leaves the module');
      if (!owner && targetModule) fail('relative import into a module');
      continue;
    }
    const pkg = /^@motcua\/([^/]+)(\/.*)?$/.exec(specifier);
    if (!pkg) continue;
    const [, target, subpath = ''] = pkg;
    if (target === 'server') {
      if (owner && !(isTest && subpath === '/testing')) fail('modules may use the server only through @motcua/server/testing, in tests');
      continue;
    }
    if (target === 'migrations' || target === owner) continue;
    if (subpath === '/contract') continue;
    if (subpath === '/admin' && isAdmin) continue;
    if (subpath === '' && (!owner || isTest)) continue; // the host, or a test composing a server, loads module definitions
    fail(`only @motcua/${target}/contract may be imported here`);
  }
  return violations;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const SRC = '/src';

describe('module boundaries', () => {
  it('no module imports another module other than through its contract', () => {
    const roots = ['modules', 'server/src', 'server/test', 'admin/src', 'admin/test'].map((dir) => join(ROOT, dir)).filter((dir) => existsSync(dir));
    const files = roots.flatMap(sourceFiles)
      .filter((path) => path !== __filename); // its fixtures below break the rule on purpose
    const violations = files.flatMap((path) => checkImports(relative(ROOT, path).split(sep).join('/'), readFileSync(path, 'utf8')));
    expect(violations).toEqual([]);
  });

  it.each([
    // Fixtures spell `/src` through a placeholder so that repository-wide greps for deep
    // imports do not flag this file.
    ['modules/identity/src/a.ts', `import { x } from '@motcua/kernel${SRC}/authz/ability.js';`, 1],
    ['modules/identity/src/a.ts', "import kernel from '@motcua/kernel';", 1],
    ['modules/identity/src/a.ts', `import { x } from '../../kernel${SRC}/clock/clock.js';`, 1],
    ['modules/identity/src/a.ts', "import { x } from '@motcua/server/testing';", 1],
    ['modules/identity/src/a.ts', `const m = await import('@motcua/catalog${SRC}/index.js');`, 1],
    ['modules/identity/src/a.ts', "import { AppError } from '@motcua/kernel/contract';", 0],
    ['modules/identity/src/staff/a.ts', "import { Agency } from '../agencies/agency.entity.js';", 0],
    ['modules/identity/test/a.test.ts', "import { createTestApp } from '@motcua/server/testing';\nimport kernel from '@motcua/kernel';", 0],
    ['server/src/modules.ts', "import identity from '@motcua/identity';", 0],
    ['server/src/x.ts', "import { x } from '../../modules/identity/src/auth/tokens.js';", 1],
    ['admin/src/plugins.ts', "import identity from '@motcua/identity/admin';", 0],
    ['modules/identity/admin/index.tsx', "import { defineAdminPlugin } from '@motcua/kernel/admin';", 0],
    ['modules/identity/src/a.ts', "import { defineAdminPlugin } from '@motcua/kernel/admin';", 1],
  ])('%s: %s → %i violation(s)', (file, source, expected) => {
    expect(checkImports(file, source)).toHaveLength(expected);
  });
});

import {
  apiErrorFrom, createI18nProvider, createTranslator, defineAdminPlugin, EVERYWHERE, type Grant, grantsAllow, listVariables,
  matchesSearch, missingTranslations, permissionFor,
} from '@motcua/kernel/admin';
import type { CombinedError } from '@urql/core';
import { describe, expect, it, vi } from 'vitest';

// The toolkit's logic, in Node: the UI libraries it re-exports components from need a
// browser (the browser tests cover them), so they are stubbed here.
vi.mock('antd', () => ({}));
vi.mock('@refinedev/core', () => ({ usePermissions: () => ({}) }));
vi.mock('@refinedev/graphql', () => ({ default: () => ({}) }));

const PROVINCE = 'province';
const DEPARTMENT = { id: 'department', ancestorIds: [PROVINCE] };
const UNIT = { id: 'unit', ancestorIds: [PROVINCE, 'department'] };
const grant = (permission: string, unitId: string | null, includeSubtree = false): Grant => ({ permission, unitId, includeSubtree });

describe('grantsAllow', () => {
  it.each([
    ['a global grant covers every unit', [grant('staff.read', null)], 'staff.read', UNIT, true],
    ['`*` is every permission', [grant('*', null)], 'role.manage', UNIT, true],
    ['a unit grant covers that unit', [grant('staff.read', 'unit')], 'staff.read', UNIT, true],
    ['a unit grant does not cover the units below', [grant('staff.read', 'department')], 'staff.read', UNIT, false],
    ['a subtree grant covers the units below', [grant('staff.read', 'department', true)], 'staff.read', UNIT, true],
    ['a subtree grant does not cover the units above', [grant('staff.read', 'department', true)], 'staff.read', { id: PROVINCE, ancestorIds: [] }, false],
    ['another permission does not count', [grant('staff.read', null)], 'staff.create', UNIT, false],
    ['without a unit, anywhere is enough', [grant('staff.create', 'unit')], 'staff.create', undefined, true],
    ['EVERYWHERE needs a global grant', [grant('agency.create', PROVINCE, true)], 'agency.create', EVERYWHERE, false],
    ['EVERYWHERE with a global grant', [grant('agency.create', null)], 'agency.create', EVERYWHERE, true],
    ['no grants, nothing', [], 'staff.read', undefined, false],
    ['any one of several permissions is enough', [grant('dossier.supervise', 'unit')], ['dossier.receive', 'dossier.supervise'], UNIT, true],
    ['none of several permissions, nothing', [grant('dossier.process', 'unit')], ['dossier.receive', 'dossier.supervise'], UNIT, false],
  ] as const)('%s', (_name, grants, permission, unit, expected) => {
    expect(grantsAllow(grants, permission, unit)).toBe(expected);
  });
});

describe('defineAdminPlugin', () => {
  const base = { name: 'catalog', resources: [], messages: { vi: {}, en: {} } };

  it('accepts a plugin whose pages and menu items all have a permission', () => {
    const plugin = defineAdminPlugin({
      ...base,
      routes: [{ path: '/procedures', element: null, resource: 'procedures', action: 'list' }],
      menu: [{ key: 'procedures', label: 'procedures.menu', path: '/procedures', resource: 'procedures', order: 1 }],
      permissions: { procedures: { list: null, create: 'procedure.manage' } },
    });
    expect(permissionFor([plugin], 'procedures', 'list')).toBeNull();
    expect(permissionFor([plugin], 'procedures', 'create')).toBe('procedure.manage');
    expect(permissionFor([plugin], 'procedures', 'delete')).toBeUndefined();
  });

  it('refuses pages and menu items nobody declared a permission for', () => {
    expect(() =>
      defineAdminPlugin({
        ...base,
        routes: [{ path: '/procedures/create', element: null, resource: 'procedures', action: 'create' }],
        menu: [{ key: 'forms', label: 'forms.menu', path: '/forms', resource: 'forms', order: 1 }],
        permissions: { procedures: { list: null } },
      }),
    ).toThrow('Admin plugin catalog: no permission declared for route /procedures/create (procedures.create), menu item forms (forms.list)');
  });
});

describe('listVariables', () => {
  it('maps Refine pages, filters and sorters onto offset/limit and the typed inputs', () => {
    expect(
      listVariables({
        resource: 'staff',
        pagination: { currentPage: 3, pageSize: 10 },
        filters: [
          { field: 'search', operator: 'contains', value: 'tu phap' },
          { field: 'status', operator: 'eq', value: undefined },
          { field: 'unitId', operator: 'eq', value: '' },
        ],
        sorters: [{ field: 'fullName', order: 'desc' }],
        meta: { gqlVariables: { extra: 1 } },
      }),
    ).toEqual({ offset: 20, limit: 10, filter: { search: 'tu phap' }, sort: [{ field: 'FULL_NAME', direction: 'DESC' }], extra: 1 });
  });

  it('asks for the largest page when pagination is off, and sends no empty filter or sort', () => {
    expect(listVariables({ resource: 'roles', pagination: { mode: 'off' }, filters: [], sorters: [] })).toEqual({ limit: 100, filter: undefined, sort: undefined });
  });

  it('refuses and/or filter groups, which the API has no way to express', () => {
    expect(() => listVariables({ resource: 'staff', filters: [{ operator: 'or', value: [] }] })).toThrow('Only field filters');
  });
});

describe('apiErrorFrom', () => {
  const combined = (error: object) => ({ graphQLErrors: [], ...error }) as unknown as CombinedError;

  it("keeps the server's code, both messages and the field at fault", () => {
    const error = apiErrorFrom(combined({
      graphQLErrors: [{ message: 'x', extensions: { code: 'BAD_USER_INPUT', messages: { vi: 'Dữ liệu không hợp lệ', en: 'Invalid input' }, details: { field: 'username' } } }],
    }));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', statusCode: 400, message: 'Dữ liệu không hợp lệ', errors: { username: 'Dữ liệu không hợp lệ' } });
    expect(error.messageIn('en')).toBe('Invalid input');
    expect(error.endsSession).toBe(false);
  });

  it('marks expired sessions, with the HTTP status the server sent', () => {
    const error = apiErrorFrom(combined({
      response: { status: 401 },
      graphQLErrors: [{ message: 'x', extensions: { code: 'TOKEN_EXPIRED', messages: { vi: 'Phiên đăng nhập đã hết hạn.', en: 'The session has expired.' } } }],
    }));
    expect(error).toMatchObject({ code: 'TOKEN_EXPIRED', statusCode: 401, endsSession: true });
  });

  it('explains a server that answers without its error shape, and an unreachable one', () => {
    expect(apiErrorFrom(combined({ response: { status: 502 }, networkError: new Error('Bad Gateway') }))).toMatchObject({
      code: 'SERVER_ERROR', statusCode: 502, message: 'Máy chủ đang gặp sự cố (HTTP 502). Vui lòng thử lại sau.',
    });
    expect(apiErrorFrom(combined({ networkError: new TypeError('Failed to fetch') })).messageIn('en')).toBe('Cannot reach the server. Check the network and try again.');
  });
});

describe('i18n', () => {
  const translate = createTranslator([
    { vi: { greeting: 'Xin chào, {{name}}' }, en: { greeting: 'Welcome, {{name}}' } },
    { vi: { staff: { menu: 'Cán bộ' } }, en: { staff: { menu: 'Staff' } } },
  ]);

  it('looks keys up in every dictionary and fills placeholders', () => {
    expect(translate('greeting', { name: 'Hà' }, 'vi')).toBe('Xin chào, Hà');
    expect(translate('staff.menu', {}, 'en')).toBe('Staff');
  });

  it("reports a key found nowhere and shows Refine's default text", () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(createI18nProvider(translate, 'vi').translate('buttons.nothing', 'Nothing')).toBe('Nothing');
    expect(warn).toHaveBeenCalledWith('[i18n] missing vi translation: buttons.nothing');
    warn.mockRestore();
  });

  it('lets modules without an admin plugin leave their permission groups unnamed', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(translate('permissionGroups.calendar', {}, 'vi', 'calendar')).toBe('calendar');
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('finds keys that one language lacks', () => {
    expect(missingTranslations({ vi: { a: 'A', b: { c: 'C' } }, en: { a: 'A', d: 'D' } })).toEqual(['vi:d', 'en:b.c']);
  });

  it('searches without diacritics, as the server does', () => {
    expect(matchesSearch('Sở Tư pháp tỉnh Thanh Hóa', 'so tu PHAP')).toBe(true);
    expect(matchesSearch('Phòng Quản lý đất đai', 'dat dai')).toBe(true);
    expect(matchesSearch('Sở Xây dựng', 'tu phap')).toBe(false);
  });
});

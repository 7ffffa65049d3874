import type { EntityManager } from '@mikro-orm/knex';
import { AppError, foldVietnamese, uuid7 } from '@motcua/kernel/contract';
import type { Agency } from '../agencies/agency.entity.js';
import { assertPasswordPolicy, hashPassword } from '../auth/passwords.js';
import { User, UserKind, UserStatus } from './user.entity.js';
import { validEmail, validFullName, validPersonalId, validPhone, validUsername } from './validation.js';

/** What every account starts from, staff or citizen. */
export interface AccountInput {
  username: string;
  password: string;
  fullName: string;
  email?: string | null;
  phone?: string | null;
  personalId?: string | null;
  position?: string | null;
}

export function userSearchText(user: Pick<User, 'fullName' | 'username'>): string {
  return foldVietnamese(`${user.fullName} ${user.username}`);
}

/**
 * Validates an account's fields (bilingual BAD_USER_INPUT / CONFLICT) and adds the account
 * to the unit of work. Usernames are unique across staff and citizens.
 */
export async function newAccount(em: EntityManager, kind: UserKind, input: AccountInput, unit: Agency | null, now: Date): Promise<User> {
  const username = validUsername(input.username);
  assertPasswordPolicy(input.password);
  if (await em.count(User, { username })) {
    throw AppError.conflict({ vi: `tên đăng nhập ${username} đã tồn tại`, en: `username ${username} is taken` }, { field: 'username' });
  }
  const user = em.create(User, {
    id: uuid7(now.getTime()),
    kind,
    username,
    passwordHash: await hashPassword(input.password),
    fullName: validFullName(input.fullName),
    searchText: '',
    email: validEmail(input.email),
    phone: validPhone(input.phone),
    personalId: validPersonalId(input.personalId),
    position: input.position?.trim() || null,
    unit,
    status: UserStatus.ACTIVE,
    failedLoginCount: 0,
    createdAt: now,
    updatedAt: now,
  });
  user.searchText = userSearchText(user);
  return user;
}

import { AppError } from '@motcua/kernel/contract';

/** A national procedure code (mã TTHC): one digit, a dot, six digits, e.g. `1.001445`. Opaque otherwise. */
export const PROCEDURE_CODE = /^\d\.\d{6}$/;

/**
 * The trimmed code, or BAD_USER_INPUT on field `code`.
 *
 * @example
 * validProcedureCode(' 1.001193 '); // '1.001193'
 * validProcedureCode('1.1193');     // throws BAD_USER_INPUT
 */
export function validProcedureCode(code: string): string {
  const trimmed = code.trim();
  if (!PROCEDURE_CODE.test(trimmed)) {
    throw AppError.badInput('code', {
      vi: `mã thủ tục "${code}" không đúng dạng d.dddddd (ví dụ 1.001445)`,
      en: `the procedure code "${code}" is not of the form d.dddddd (e.g. 1.001445)`,
    });
  }
  return trimmed;
}

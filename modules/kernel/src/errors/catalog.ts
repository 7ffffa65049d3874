/** A message in both languages of the platform. */
export interface Bilingual {
  vi: string;
  en: string;
}

/**
 * Every error code a client can receive, with its default message in Vietnamese and
 * English. `{name}` placeholders are filled from the error's params.
 * Frontends switch on `extensions.code`; the messages are for people.
 */
export const ERROR_CATALOG = {
  UNAUTHENTICATED: { vi: 'Bạn cần đăng nhập để thực hiện thao tác này.', en: 'You must be signed in to do this.' },
  INVALID_CREDENTIALS: { vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' },
  ACCOUNT_LOCKED: {
    vi: 'Tài khoản tạm khoá do đăng nhập sai nhiều lần. Thử lại sau {minutes} phút.',
    en: 'The account is locked after repeated failed sign-ins. Try again in {minutes} min.',
  },
  ACCOUNT_DISABLED: { vi: 'Tài khoản đã bị vô hiệu hoá.', en: 'The account is disabled.' },
  TOKEN_EXPIRED: { vi: 'Phiên đăng nhập đã hết hạn.', en: 'The session has expired.' },
  TOKEN_INVALID: { vi: 'Mã xác thực không hợp lệ.', en: 'The authentication token is invalid.' },
  FORBIDDEN: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  NOT_FOUND: { vi: 'Không tìm thấy {entity}.', en: '{entity} not found.' },
  BAD_USER_INPUT: { vi: 'Dữ liệu không hợp lệ: {reason}', en: 'Invalid input: {reason}' },
  CONFLICT: { vi: 'Xung đột dữ liệu: {reason}', en: 'Conflict: {reason}' },
  STALE_VERSION: {
    vi: 'Dữ liệu đã được người khác thay đổi; hãy tải lại và thử lại.',
    en: 'Someone else changed this record; reload and try again.',
  },
  INVALID_TRANSITION: { vi: 'Không thể chuyển trạng thái: {reason}', en: 'Transition not allowed: {reason}' },
  PROCESS_INVALID: {
    vi: 'Quy trình chưa thể ban hành: có {count} vấn đề (xem details.problems).',
    en: 'The process cannot be published: {count} problem(s) (see details.problems).',
  },
  RATE_LIMITED: { vi: 'Quá nhiều yêu cầu; vui lòng thử lại sau.', en: 'Too many requests; try again later.' },
  PAYLOAD_TOO_LARGE: {
    vi: 'Yêu cầu quá lớn (tối đa {limit} byte).',
    en: 'The request is too large (at most {limit} bytes).',
  },
  QUERY_TOO_DEEP: {
    vi: 'Truy vấn lồng quá sâu ({depth} cấp, tối đa {max}).',
    en: 'The query is nested too deeply ({depth} levels, at most {max}).',
  },
  QUERY_TOO_COMPLEX: {
    vi: 'Truy vấn quá phức tạp (độ phức tạp {complexity}, tối đa {max}).',
    en: 'The query is too complex (complexity {complexity}, at most {max}).',
  },
  GRAPHQL_PARSE_FAILED: { vi: 'Truy vấn GraphQL sai cú pháp: {reason}', en: 'Malformed GraphQL query: {reason}' },
  GRAPHQL_VALIDATION_FAILED: { vi: 'Truy vấn GraphQL không hợp lệ: {reason}', en: 'Invalid GraphQL query: {reason}' },
  BAD_REQUEST: { vi: 'Yêu cầu HTTP không hợp lệ: {reason}', en: 'Bad HTTP request: {reason}' },
  INTERNAL_SERVER_ERROR: { vi: 'Lỗi hệ thống; vui lòng thử lại sau.', en: 'Internal error; please try again later.' },
} as const satisfies Record<string, Bilingual>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

/** A placeholder value: the same in both languages, or given per language. */
export type ErrorParam = string | number | Bilingual;
export type ErrorParams = Record<string, ErrorParam>;

function isBilingual(value: ErrorParam): value is Bilingual {
  return typeof value === 'object' && value !== null && 'vi' in value && 'en' in value;
}

/** Fills `{name}` placeholders in one language; unknown names stay visible rather than vanish. */
export function interpolate(template: string, params: ErrorParams, lang: keyof Bilingual): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return String(isBilingual(value) ? value[lang] : value);
  });
}

/** The catalog message for `code`, in both languages, with params filled in. */
export function messagesFor(code: ErrorCode, params: ErrorParams = {}): Bilingual {
  const entry = ERROR_CATALOG[code];
  return { vi: interpolate(entry.vi, params, 'vi'), en: interpolate(entry.en, params, 'en') };
}

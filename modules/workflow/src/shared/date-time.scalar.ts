import { AppError } from '@motcua/kernel/contract';
import { GraphQLScalarType, Kind } from 'graphql';
import { isoInstant } from '../clock/zone.js';

/** An instant to write in a given zone: what resolvers return for `DateTime` fields. */
export class ZonedDateTime {
  constructor(
    readonly instant: Date,
    readonly timezone: string,
  ) {}
}

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * The refusal of a malformed instant. GraphQL input coercion wraps whatever a scalar throws
 * and keeps only its `extensions`, so the error carries its code and both messages there too,
 * in the shape the server's error formatter reads (`motcuaCode`, `messages`).
 */
function invalid(text: string): AppError {
  const error = AppError.badInput('DateTime', {
    vi: `thời điểm phải theo ISO-8601 có múi giờ, ví dụ 2025-04-24T10:15:00+07:00: ${text}`,
    en: `instants must be ISO-8601 with an offset, e.g. 2025-04-24T10:15:00+07:00: ${text}`,
  });
  return Object.assign(error, { extensions: { motcuaCode: error.code, messages: error.messages } });
}

/**
 * Parses an ISO-8601 instant that carries its offset (or `Z`); a reading that does not exist
 * (30 February, 24:10) or has no offset is refused rather than guessed.
 *
 * @example
 * parseInstant('2025-04-24T10:15:00+07:00').toISOString(); // '2025-04-24T03:15:00.000Z'
 */
export function parseInstant(text: unknown): Date {
  const match = typeof text === 'string' ? ISO_INSTANT.exec(text) : null;
  if (!match) throw invalid(String(text));
  const [, year, month, day, hour, minute, second = '0', fraction = '', zone, sign, offsetHours, offsetMinutes] = match;
  const fields = [year, month, day, hour, minute, second].map(Number);
  const wall = new Date(Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5]));
  const real = wall.getUTCFullYear() === fields[0] && wall.getUTCMonth() === fields[1] - 1 && wall.getUTCDate() === fields[2]
    && wall.getUTCHours() === fields[3] && wall.getUTCMinutes() === fields[4] && wall.getUTCSeconds() === fields[5];
  const offset = zone === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
  if (!real || Math.abs(offset) > 14 * 60 || Number(offsetMinutes) > 59) throw invalid(text as string);
  return new Date(wall.getTime() + Math.round(Number(fraction || 0) * 1000) - offset * 60_000);
}

/** The `DateTime` scalar: instants with their UTC offset, written in the zone of the calendar concerned. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description:
    'An instant as ISO-8601 with its UTC offset, e.g. `2025-04-24T10:15:00+07:00`. Inputs must carry an offset (or `Z`); '
    + 'outputs are written in the time zone of the calendar concerned (`+07:00` for Vietnam).',
  serialize(value) {
    if (!(value instanceof ZonedDateTime)) throw new TypeError('DateTime fields resolve to a ZonedDateTime');
    return isoInstant(value.timezone, value.instant.getTime());
  },
  parseValue: parseInstant,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalid(ast.kind);
    return parseInstant(ast.value);
  },
});

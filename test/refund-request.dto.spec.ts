import 'reflect-metadata';
import {
  BadRequestException,
  ValidationPipe,
  type ValidationPipeOptions,
} from '@nestjs/common';
import {
  MAX_ID_LENGTH,
  MAX_REASON_LENGTH,
  RefundRequestDto,
} from '../lib/index.js';

type Body = Record<string, unknown>;
type Case = [label: string, value: unknown];

/** The documented example request: a full refund. */
const FULL_REFUND: Body = {
  appid: 'wx6cc9648de104270d',
  order_id: 'AQCAGxwqp6-aBeIKDJ7fvb6x3dZt',
  reason: '线上线下重复缴费,解档票据号为DA01651861',
};

const PARTIAL_REFUND: Body = {
  ...FULL_REFUND,
  refund_fee: 100,
  refund_out_id: 'R-1',
};

const MAX_APPID_LENGTH = 32;

/** The host app's ValidationPipe settings the DTO must not depend on. */
const SETTINGS: ValidationPipeOptions[] = [
  {},
  { transform: true },
  { whitelist: true, forbidNonWhitelisted: true },
  { transform: true, transformOptions: { enableImplicitConversion: true } },
  {
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: true },
  },
];

const FORBIDDING_SETTINGS = SETTINGS.filter((s) => s.forbidNonWhitelisted);

const STRIPPING_SETTINGS: ValidationPipeOptions[] = [
  { whitelist: true },
  { whitelist: true, transform: true },
  {
    whitelist: true,
    transform: true,
    transformOptions: { enableImplicitConversion: true },
  },
];

function named(settings: ValidationPipeOptions[]) {
  return settings.map((s) => [JSON.stringify(s), s] as const);
}

function without(body: Body, field: string): Body {
  const copy = { ...body };
  delete copy[field];
  return copy;
}

function validate(
  settings: ValidationPipeOptions,
  body: unknown,
): Promise<unknown> {
  return new ValidationPipe(settings).transform(body, {
    type: 'body',
    metatype: RefundRequestDto,
  });
}

/** The messages of the refusal; fails the test if the body is accepted. */
async function refusalOf(
  settings: ValidationPipeOptions,
  body: Body,
): Promise<string[]> {
  let outcome: unknown;
  try {
    outcome = await validate(settings, body);
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    const { message } = (error as BadRequestException).getResponse() as {
      message: unknown;
    };
    expect(Array.isArray(message)).toBe(true);
    return message as string[];
  }
  throw new Error(`accepted, giving ${JSON.stringify(outcome)}`);
}

/** Refused, every message about one of `fields`, each of them named. */
async function expectRefused(
  settings: ValidationPipeOptions,
  body: Body,
  ...fields: string[]
): Promise<void> {
  const messages = await refusalOf(settings, body);
  const isAbout = (field: string) => (message: string) =>
    message.startsWith(`${field} `);
  expect(fields.filter((field) => !messages.some(isAbout(field)))).toEqual([]);
  expect(
    messages.filter((message) => !fields.some((f) => isAbout(f)(message))),
  ).toEqual([]);
}

/**
 * Accepted, every value coming out as it went in (same type, same value),
 * and no key the client did not send (not even one set to `undefined`).
 */
async function expectAccepted(
  settings: ValidationPipeOptions,
  body: Body,
  expected: Body = body,
): Promise<void> {
  const result = await validate(settings, body);
  if (settings.transform) {
    expect(result).toBeInstanceOf(RefundRequestDto);
  }
  expect({ ...(result as Body) }).toStrictEqual(expected);
}

/** Values refused where a number of fen is expected. */
const NOT_A_FEE: Case[] = [
  ['"100"', '100'],
  ['9.8', 9.8],
  ['0', 0],
  ['-1', -1],
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['1e21', 1e21],
  ['2 ** 53', 2 ** 53],
  ['true', true],
  ['[]', []],
  ['{}', {}],
  ['null', null],
];

/** Values refused where a string of at most `maxLength` is expected. */
function notAString(maxLength: number): Case[] {
  return [
    ['123', 123],
    ['true', true],
    ['[]', []],
    ['{}', {}],
    ['null', null],
    ["''", ''],
    ["'   '", '   '],
    [`${maxLength + 1} characters`, 'x'.repeat(maxLength + 1)],
  ];
}

const STRING_FIELDS = [
  { field: 'appid', base: FULL_REFUND, maxLength: MAX_APPID_LENGTH },
  { field: 'order_id', base: FULL_REFUND, maxLength: MAX_ID_LENGTH },
  { field: 'reason', base: FULL_REFUND, maxLength: MAX_REASON_LENGTH },
  { field: 'refund_out_id', base: PARTIAL_REFUND, maxLength: MAX_ID_LENGTH },
];

const BAD_STRINGS = STRING_FIELDS.flatMap(({ field, base, maxLength }) =>
  notAString(maxLength).map(
    ([label, value]) => [field, label, { ...base, [field]: value }] as const,
  ),
);

const BAD_FEES = NOT_A_FEE.map(
  ([label, value]) =>
    [label, { ...PARTIAL_REFUND, refund_fee: value }] as const,
);

const VALID_BODIES: [label: string, body: Body][] = [
  ['the documented full refund', FULL_REFUND],
  ['the documented full refund without appid', without(FULL_REFUND, 'appid')],
  ['a partial refund', PARTIAL_REFUND],
  ['a partial refund without appid', without(PARTIAL_REFUND, 'appid')],
  [
    'a partial refund of Number.MAX_SAFE_INTEGER fen',
    { ...PARTIAL_REFUND, refund_fee: Number.MAX_SAFE_INTEGER },
  ],
  [
    'ids and reason at their longest',
    {
      ...PARTIAL_REFUND,
      appid: 'a'.repeat(MAX_APPID_LENGTH),
      order_id: 'o'.repeat(MAX_ID_LENGTH),
      reason: 'r'.repeat(MAX_REASON_LENGTH),
      refund_out_id: 'R'.repeat(MAX_ID_LENGTH),
    },
  ],
];

/** A partial refund missing one of its two fields, and the one missing. */
const HALF_PARTIAL: [label: string, body: Body, missing: string][] = [
  [
    'refund_fee without refund_out_id',
    without(PARTIAL_REFUND, 'refund_out_id'),
    'refund_out_id',
  ],
  [
    'refund_out_id without refund_fee',
    without(PARTIAL_REFUND, 'refund_fee'),
    'refund_fee',
  ],
];

/** `null` is a value given, not an absent field. */
const NULL_PARTIAL: [label: string, body: Body, fields: string[]][] = [
  [
    'refund_fee: null alone',
    { ...FULL_REFUND, refund_fee: null },
    ['refund_fee', 'refund_out_id'],
  ],
  [
    'refund_out_id: null alone',
    { ...FULL_REFUND, refund_out_id: null },
    ['refund_fee', 'refund_out_id'],
  ],
  [
    'both null',
    { ...FULL_REFUND, refund_fee: null, refund_out_id: null },
    ['refund_fee', 'refund_out_id'],
  ],
];

describe.each(named(SETTINGS))(
  'RefundRequestDto under ValidationPipe(%s)',
  (_name, settings) => {
    it.each(VALID_BODIES)('accepts %s, unchanged', async (_label, body) => {
      await expectAccepted(settings, body);
    });

    it.each(BAD_FEES)('refuses refund_fee = %s', async (_label, body) => {
      await expectRefused(settings, body, 'refund_fee');
    });

    it.each(BAD_STRINGS)('refuses %s = %s', async (field, _label, body) => {
      await expectRefused(settings, body, field);
    });

    it.each(['order_id', 'reason'])(
      'refuses a body without %s',
      async (field) => {
        await expectRefused(settings, without(FULL_REFUND, field), field);
      },
    );

    it.each(HALF_PARTIAL)(
      'refuses %s, naming the missing one',
      async (_label, body, missing) => {
        await expectRefused(settings, body, missing);
      },
    );

    it.each(NULL_PARTIAL)(
      'refuses %s, naming both fields',
      async (_label, body, fields) => {
        await expectRefused(settings, body, ...fields);
      },
    );
  },
);

describe.each(named(FORBIDDING_SETTINGS))(
  'an unknown field under ValidationPipe(%s)',
  (_name, settings) => {
    it.each([
      ['a full refund', FULL_REFUND],
      ['a partial refund', PARTIAL_REFUND],
    ])('is refused in %s, naming it', async (_label, base) => {
      const messages = await refusalOf(settings, { ...base, surprise: 1 });
      expect(messages).toEqual([expect.stringContaining('surprise')]);
    });
  },
);

describe.each(named(STRIPPING_SETTINGS))(
  'an unknown field under ValidationPipe(%s)',
  (_name, settings) => {
    it.each([
      ['a full refund', FULL_REFUND],
      ['a partial refund', PARTIAL_REFUND],
    ])('is stripped from %s', async (_label, base) => {
      await expectAccepted(settings, { ...base, surprise: 1 }, base);
    });
  },
);

describe.each(named(SETTINGS))('reason as free text, %s', (_, settings) => {
  it.each<Case>([
    ['CJK and emoji', '重复缴费 😀 退款'],
    ['256 UTF-16 units of emoji', '😀'.repeat(MAX_REASON_LENGTH / 2)],
  ])('accepts %s unchanged', async (_, reason) => {
    await expectAccepted(settings, { ...FULL_REFUND, reason });
  });

  it.each<Case>([
    ['257 UTF-16 units of emoji', '😀'.repeat(128) + 'a'],
    ['emoji with variation selectors', '😀\uFE0F'.repeat(100)],
    ['a lone surrogate', 'refund \ud800'],
    ['a NUL', 'refund\u0000'],
    ['a newline', 'first line\nsecond'],
    ['only a zero-width space', '\u200b'],
    ['only ideographic spaces', '\u3000\u3000'],
  ])('refuses %s', async (_, reason) => {
    await expectRefused(settings, { ...FULL_REFUND, reason }, 'reason');
  });
});

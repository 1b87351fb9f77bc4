import 'reflect-metadata';
import {
  BadRequestException,
  Body,
  Controller,
  Post,
  ValidationPipe,
  type ValidationPipeOptions,
} from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import fc from 'fast-check';
import {
  InvalidRefundRequestError,
  NontaxModule,
  RefundRequestDto,
  RefundService,
  safeJsonBody,
} from '../lib/index.js';
import { EXAMPLE_ACCOUNT, WechatSimulator } from '../lib/testing/index.js';
import { APP_OPTIONS, configureApp } from '../sample/configure-app.js';
import { startHarness, type NontaxHarness } from './support/nontax-harness.js';

// An oracle written from the rules in the README, apart from the DTO: a
// body is a refund when exactly these hold.
const FIELDS = ['appid', 'order_id', 'reason', 'refund_fee', 'refund_out_id'];
const ID = /^[\x21-\x7e]{1,64}$/;
const isId = (v: unknown) => typeof v === 'string' && ID.test(v);
const visibleChar = (ch: string) =>
  !/^[\s\p{Z}\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]$/u.test(ch);
const isReason = (v: unknown) =>
  typeof v === 'string' &&
  v.length <= 256 &&
  v.isWellFormed() &&
  ![...v].some((ch) => /\p{Cc}/u.test(ch)) &&
  [...v].some(visibleChar);
const isFee = (v: unknown) =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;

/** The fields a refusal must name, or [] when the body is a refund. */
function expectedProblems(body: Record<string, unknown>, extras: boolean) {
  const wrong: string[] = [];
  const has = (k: string) => Object.hasOwn(body, k) && body[k] !== undefined;
  if (
    has('appid') &&
    !(typeof body.appid === 'string' && /^[\w-]{1,32}$/.test(body.appid))
  )
    wrong.push('appid');
  if (!isId(body.order_id)) wrong.push('order_id');
  if (!isReason(body.reason)) wrong.push('reason');
  if (has('refund_fee') || has('refund_out_id')) {
    if (!isFee(body.refund_fee)) wrong.push('refund_fee');
    if (!isId(body.refund_out_id)) wrong.push('refund_out_id');
  }
  const others = Object.keys(body).filter((k) => !FIELDS.includes(k));
  if (extras) wrong.push(...others);
  return wrong;
}

const DROPPED = ['__proto__', 'constructor', 'prototype'];

/**
 * What the DTO gets to see: Nest's ValidationPipe strips the prototype
 * keys, and class-transformer skips keys named like `Object.prototype`'s
 * members (`toString`, `valueOf`), which so neither reach nor refuse.
 */
function asPipeSeesIt(body: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(body).filter(
      ([k]) => !DROPPED.includes(k) && !(k in Object.prototype),
    ),
  );
}

const text = fc.oneof(
  fc.string({ maxLength: 70 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '重复缴费退款',
    '😀 退款',
    'AQCAGxwqp6-aBeIKDJ7fvb6x3dZt',
    ' ',
    '\u200b',
    'a'.repeat(300),
  ),
  fc.stringMatching(/^[\x21-\x7e]{1,64}$/),
);
const nested = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.integer(),
    text,
    fc.array(tie('value'), { maxLength: 3 }),
  ),
})).value;
const value = fc.oneof(
  text,
  fc.integer(),
  fc.integer({ min: 1, max: 100_000 }),
  fc.double(),
  fc.constantFrom(null, true, false, 0, -1, 1e21, 2 ** 53, '100', Number.NaN),
  fc.array(fc.integer(), { maxLength: 2 }),
  nested,
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
);
const key = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FIELDS) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'refundFee',
      'extra',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('toString', 'valueOf', 'hasOwnProperty'),
  },
);
// Bodies built as JSON parses them: `__proto__` is an own key.
const body = fc
  .array(fc.tuple(key, value), { maxLength: 7 })
  .map(
    (entries) =>
      JSON.parse(JSON.stringify(Object.fromEntries(entries))) as Record<
        string,
        unknown
      >,
  );
const likelyRefund = fc
  .record({
    order_id: fc.stringMatching(/^[\x21-\x7e]{1,64}$/),
    reason: text,
    refund_fee: fc.oneof(
      fc.integer({ min: -2, max: 10_000 }),
      fc.constant(undefined),
    ),
    refund_out_id: fc.oneof(
      fc.stringMatching(/^[\x21-\x7e]{1,64}$/),
      fc.constant(undefined),
    ),
  })
  .map((r) => JSON.parse(JSON.stringify(r)) as Record<string, unknown>);
const anyBody = fc.oneof(body, likelyRefund);

const SETTINGS: ValidationPipeOptions[] = [
  {},
  { whitelist: true, forbidNonWhitelisted: true, transform: true },
  { transform: true, transformOptions: { enableImplicitConversion: true } },
];

async function verdict(settings: ValidationPipeOptions, input: unknown) {
  try {
    await new ValidationPipe(settings).transform(input, {
      type: 'body',
      metatype: RefundRequestDto,
    });
    return [] as string[];
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return (error as BadRequestException).getResponse() as {
      message: string[];
    };
  }
}

describe.each(SETTINGS.map((s) => [JSON.stringify(s), s] as const))(
  'random bodies under %s',
  (_, settings) => {
    it('accepts exactly the refunds, and every refusal names its field', async () => {
      await fc.assert(
        fc.asyncProperty(anyBody, async (input) => {
          const expected = expectedProblems(
            asPipeSeesIt(input),
            settings.forbidNonWhitelisted === true,
          );
          const outcome = await verdict(settings, input);
          const messages = Array.isArray(outcome) ? outcome : outcome.message;
          if (expected.length === 0) {
            expect(messages).toEqual([]);
          } else {
            expect(messages.length).toBeGreaterThan(0);
            for (const field of expected) {
              expect(
                messages.some(
                  (m) => m.startsWith(field) || m.includes(`${field} `),
                ),
              ).toBe(true);
            }
          }
        }),
        { numRuns: 400 },
      );
    });
  },
);

describe('random bodies given to RefundService in code', () => {
  let h: NontaxHarness;
  beforeAll(async () => {
    h = await startHarness({ refundableCheck: 'off' });
  });
  afterAll(() => h.close());

  it('sends exactly the valid ones, exactly as given', async () => {
    await fc.assert(
      fc.asyncProperty(anyBody, async (input) => {
        h.simulator.clearRecords();
        const expected = expectedProblems(input, true);
        const outcome = await h.refunds.refund(input as never).then(
          () => undefined,
          (error: unknown) => error,
        );
        const posts = h.simulator.requestsTo('/nontax/refund');
        if (expected.length > 0) {
          expect(outcome).toBeInstanceOf(InvalidRefundRequestError);
          expect(posts).toHaveLength(0);
          return;
        }
        expect(posts).toHaveLength(1);
        const sent = posts[0].body as Record<string, unknown>;
        for (const field of [
          'order_id',
          'reason',
          'refund_fee',
          'refund_out_id',
        ]) {
          expect(sent[field]).toStrictEqual(input[field]);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('safeJsonBody', () => {
  const { verify, reviver } = safeJsonBody({ maxDepth: 32 });
  const parse = (json: string) => () => {
    verify(undefined, undefined, Buffer.from(json));
    return JSON.parse(json, reviver);
  };

  it('refuses deep nesting before parsing, whatever strings hold', () => {
    expect(
      parse('{"reason":' + '['.repeat(3000) + ']'.repeat(3000) + '}'),
    ).toThrow(/deeper than 32/);
    expect(parse('{"reason":"' + '['.repeat(3000) + '"}')).not.toThrow();
    expect(parse('{"reason":"\\"' + '['.repeat(40) + '"}')).not.toThrow();
    expect(
      parse(JSON.stringify({ order_id: 'O', reason: '退款' })),
    ).not.toThrow();
  });

  it('refuses a charset other than UTF-8, which would hide brackets', () => {
    const body = Buffer.from('{"order_id":"O","reason":"丢"}', 'utf16le');
    expect(() => verify(undefined, undefined, body, 'utf-16le')).toThrow(
      /UTF-8/,
    );
    expect(() => verify(undefined, undefined, body, 'utf-8')).not.toThrow();
  });

  it.each(DROPPED)('refuses a %s key at any depth', (key) => {
    expect(
      parse(`{"order_id":"O","reason":"r","${key}":{"refund_fee":5}}`),
    ).toThrow(key);
    expect(parse(`{"order_id":"O","reason":{"${key}":1}}`)).toThrow(key);
  });
});

@Controller('refunds')
class PropertyRefundsController {
  constructor(private readonly refunds: RefundService) {}

  @Post()
  refund(@Body() request: RefundRequestDto) {
    return this.refunds.refund(request);
  }
}

/** Whether a prototype key stands anywhere in the parsed body. */
function holdsDroppedKey(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(
    ([k, v]) => DROPPED.includes(k) || holdsDroppedKey(v),
  );
}

describe('random bodies over HTTP, with safeJsonBody', () => {
  let simulator: WechatSimulator;
  let app: NestExpressApplication;

  beforeAll(async () => {
    simulator = await WechatSimulator.start();
    const moduleRef = await Test.createTestingModule({
      imports: [
        NontaxModule.forRoot({
          ...EXAMPLE_ACCOUNT,
          baseUrl: simulator.baseUrl,
          refundableCheck: 'off',
        }),
      ],
      controllers: [PropertyRefundsController],
    }).compile();
    // The sample's own set-up: safeJsonBody, the pipe, the filter.
    app = configureApp(
      moduleRef.createNestApplication<NestExpressApplication>({
        ...APP_OPTIONS,
        logger: false,
      }),
    );
    await app.init();
  });
  afterAll(async () => {
    await app.close();
    await simulator.close();
  });

  it('refuses every invalid body with 400, and it reaches nothing', async () => {
    await fc.assert(
      fc.asyncProperty(anyBody, async (input) => {
        simulator.clearRecords();
        const order_id = String(input.order_id);
        if (
          isId(input.order_id) &&
          !simulator.order(EXAMPLE_ACCOUNT.appid, order_id)
        ) {
          simulator.addOrder({
            appid: EXAMPLE_ACCOUNT.appid,
            order_id,
            fee: 10 ** 9,
          });
        }
        const response = await request(app.getHttpServer())
          .post('/refunds')
          .set('content-type', 'application/json')
          .send(JSON.stringify(input));
        const invalid =
          holdsDroppedKey(input) ||
          expectedProblems(asPipeSeesIt(input), true).length > 0;
        const posts = simulator.requestsTo('/nontax/refund');
        if (invalid) {
          expect(response.status).toBe(400);
          expect(posts).toHaveLength(0);
        } else {
          expect(posts).toHaveLength(1);
          // The simulator may refuse a repeated id; nothing else fails.
          expect([201, 409, 422]).toContain(response.status);
        }
      }),
      { numRuns: 150 },
    );
  });
});

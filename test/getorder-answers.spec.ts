import 'reflect-metadata';
import { Test, type TestingModule } from '@nestjs/testing';
import {
  NontaxModule,
  OrderService,
  WechatRequestError,
} from '../lib/index.js';
import { rejectionOf } from './support/nontax-harness.js';
import { RawUpstream, json } from './support/raw-upstream.js';

const APPID = 'wx6cc9648de104270d';

describe('getorder answers that cannot be trusted', () => {
  let upstream: RawUpstream;
  let moduleRef: TestingModule;

  async function read(answer: Record<string, unknown>) {
    upstream = await RawUpstream.start(
      json(200, { errcode: 0, errmsg: 'ok', order_id: 'O-1', ...answer }),
    );
    moduleRef = await Test.createTestingModule({
      imports: [
        NontaxModule.forRoot({
          appid: APPID,
          tokenMode: 'fixed',
          accessToken: 'fixed-token',
          baseUrl: upstream.baseUrl,
        }),
      ],
    }).compile();
    return moduleRef.get(OrderService).getOrder('O-1');
  }

  afterEach(async () => {
    await moduleRef?.close();
    await upstream?.close();
  });

  it.each<[string, Record<string, unknown>]>([
    ['a negative fee', { fee: -100, status: 3 }],
    ['a fractional fee', { fee: '10.5', status: 3 }],
    ['a fee in exponent form', { fee: '1e3', status: 3 }],
    ['no status', { fee: 100 }],
    ['a status that is not a number', { fee: 100, status: 'abc' }],
    ['another order', { fee: 100, status: 3, order_id: 'OTHER' }],
    ['another account', { fee: 100, status: 3, appid: 'wx0000000000000000' }],
    [
      'partial refunds worth more than the fee',
      {
        fee: 100,
        status: 3,
        partial_refund_info: [{ refund_fee: 101, refund_status: 5 }],
      },
    ],
    [
      'a negative partial refund',
      {
        fee: 1000,
        status: 3,
        partial_refund_info: [{ refund_fee: -900, refund_status: 5 }],
      },
    ],
    [
      'partial_refund_info as a string',
      { fee: 100, status: 3, partial_refund_info: 'x' },
    ],
  ])('%s is unreadable, never guessed', async (_, answer) => {
    const error = await rejectionOf(read(answer));
    expect(error).toBeInstanceOf(WechatRequestError);
    expect((error as WechatRequestError).failure).toBe('bad-body');
  });

  it('reads ids sent as numbers as their digits', async () => {
    const order = await read({
      fee: 1000,
      status: 3,
      partial_refund_info: [
        { refund_out_id: 777, refund_fee: 5, refund_status: '5' },
      ],
    });
    expect(order.partial_refunds[0]).toMatchObject({
      refund_out_id: '777',
      state: 'refunded',
    });
    expect(order).toMatchObject({
      refundable_fee: 995,
      partial_refunds_complete: true,
    });
  });

  it('does not claim to know what is left from one object', async () => {
    const order = await read({
      fee: 1000,
      status: 3,
      partial_refund_info: {
        refund_out_id: 'B',
        refund_fee: 400,
        refund_status: 6,
      },
    });
    expect(order.partial_refunds_complete).toBe(false);
    expect(order.refundable_fee).toBeUndefined();
  });
});

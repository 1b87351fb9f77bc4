import 'reflect-metadata';
import {
  BadRequestException,
  Controller,
  Get,
  Logger,
  type ArgumentsHost,
  type INestApplication,
} from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { firstValueFrom, isObservable, type Observable } from 'rxjs';
import request from 'supertest';
import {
  NontaxExceptionFilter,
  RefundOutcomeUnknownError,
  WechatApiError,
  type NontaxError,
} from '../lib/index.js';
import { CaptureLogger } from './support/capture-logger.js';

function hostOf(type: string, target: unknown): ArgumentsHost {
  return {
    getType: () => type,
    switchToHttp: () => ({ getResponse: () => target }),
    switchToWs: () => ({ getClient: () => target }),
    switchToRpc: () => ({ getData: () => ({}) }),
  } as unknown as ArgumentsHost;
}

const unknownOutcome = () =>
  new RefundOutcomeUnknownError(
    { appid: 'wx1', order_id: 'O-1', refund_out_id: 'R-1', refund_fee: 5 },
    'timeout',
  );

describe('NontaxExceptionFilter outside HTTP', () => {
  const filter = new NontaxExceptionFilter();
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));

  it('maps the admin-confirmation errcodes 89501-89507 to 503', () => {
    for (const errcode of [89501, 89503, 89504, 89505, 89506, 89507]) {
      const error = new WechatApiError(
        errcode,
        'wait rid: r',
        '/nontax/refund',
      );
      expect(error).toMatchObject({ httpStatus: 503, internal: true });
    }
  });

  it('survives a WebSocket context without a client', () => {
    expect(() =>
      filter.catch(unknownOutcome(), hostOf('ws', null)),
    ).not.toThrow();
  });

  it('gives a microservice the body as the RPC error', async () => {
    const result = filter.catch(unknownOutcome(), hostOf('rpc', undefined));
    expect(isObservable(result)).toBe(true);
    await expect(
      firstValueFrom(result as Observable<never>),
    ).rejects.toMatchObject({
      statusCode: 504,
      code: 'REFUND_OUTCOME_UNKNOWN',
      order_id: 'O-1',
    });
  });

  it('emits an exception event to a WebSocket client', () => {
    const emitted: [string, unknown][] = [];
    const socket = {
      emit: (event: string, data: unknown) => emitted.push([event, data]),
    };
    filter.catch(unknownOutcome(), hostOf('ws', socket));
    expect(emitted).toEqual([
      [
        'exception',
        expect.objectContaining({ code: 'REFUND_OUTCOME_UNKNOWN' }),
      ],
    ]);
  });

  it('copes with a circular cause', () => {
    const error = new WechatApiError(
      9999,
      'refused rid: abc-1',
      '/nontax/refund',
    );
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    (error as NontaxError & { cause?: unknown }).cause = loop;
    let sent: unknown;
    const response = {
      status: () => ({ json: (body: unknown) => (sent = body) }),
    };
    filter.catch(error, hostOf('http', response));
    expect(JSON.stringify(sent)).toContain('"errcode":9999');
  });
});

@Controller()
class ThrowingController {
  @Get('type-error')
  typeError(): never {
    throw new TypeError('not ours');
  }

  @Get('http-error')
  httpError(): never {
    throw new BadRequestException('also not ours');
  }

  @Get('ours')
  ours(): never {
    throw new WechatApiError(
      40164,
      'invalid ip 203.0.113.5 rid: r-1',
      '/nontax/refund',
    );
  }
}

describe('NontaxExceptionFilter in an app', () => {
  let app: INestApplication;
  const logger = new CaptureLogger();

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [ThrowingController],
    }).compile();
    app = moduleRef.createNestApplication({ logger });
    app.useGlobalFilters(new NontaxExceptionFilter());
    await app.init();
  });
  afterAll(() => app.close());

  it('passes errors that are not its own on untouched', async () => {
    const plain = await request(app.getHttpServer())
      .get('/type-error')
      .expect(500);
    expect(plain.body).toEqual({
      statusCode: 500,
      message: 'Internal server error',
    });
    const http = await request(app.getHttpServer())
      .get('/http-error')
      .expect(400);
    expect(http.body.message).toBe('also not ours');
  });

  it('keeps a configuration error’s detail in the log only', async () => {
    const response = await request(app.getHttpServer())
      .get('/ours')
      .expect(503);
    expect(response.body).toMatchObject({
      code: 'WECHAT_MISCONFIGURED',
      errcode: 40164,
      errmsg: null,
      rid: 'r-1',
    });
    expect(JSON.stringify(response.body)).not.toContain('203.0.113.5');
    expect(logger.text()).toContain('203.0.113.5');
  });
});

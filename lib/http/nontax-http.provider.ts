import type { FactoryProvider } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import axios from 'axios';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { NONTAX_HTTP } from '../nontax.constants.js';

/**
 * The module's own axios instance, apart from any the host app has, with
 * keep-alive connections to WeChat. Its agents are destroyed when the
 * module shuts down (see `NontaxModule.onModuleDestroy`).
 */
export const nontaxHttpProvider: FactoryProvider<HttpService> = {
  provide: NONTAX_HTTP,
  useFactory: () =>
    new HttpService(
      axios.create({
        httpAgent: new HttpAgent({ keepAlive: true }),
        httpsAgent: new HttpsAgent({ keepAlive: true }),
        headers: { 'content-type': 'application/json' },
      }),
    ),
};

import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { EXAMPLE_ORDER_ID } from 'nestjs-wechat-nontax/testing';
import { AppModule } from './app.module.js';
import { APP_OPTIONS, configureApp } from './configure-app.js';
import { startSimulatorMode, type SimulatorMode } from './simulator-mode.js';

async function bootstrap(): Promise<void> {
  const logger = new Logger('Sample');
  // Read .env here too: whether to simulate WeChat is decided before Nest.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const mode = process.env.WECHAT_BASE_URL?.trim()
    ? undefined
    : await startSimulatorMode();
  if (!mode && !process.env.SAMPLE_API_KEYS) {
    logger.error('Set SAMPLE_API_KEYS (name=key,...) to call the refunds');
    process.exit(1);
  }
  const app = configureApp(
    await NestFactory.create<NestExpressApplication>(
      AppModule.register(mode?.overrides),
      APP_OPTIONS,
    ),
  );
  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port, '127.0.0.1');
  logger.log(
    process.env.REDIS_URL
      ? 'Tokens and refund holds are shared through Redis (REDIS_URL)'
      : 'Tokens and refund holds live in this process (no REDIS_URL)',
  );
  if (mode) {
    logger.log(simulatorBanner(mode));
    // Plain, on a line of its own, so it can be copied as it is.
    console.log(curlLine(mode, port));
  } else {
    logger.log(`Refunding against ${process.env.WECHAT_BASE_URL}`);
  }
}

function simulatorBanner(mode: SimulatorMode): string {
  return (
    `No WECHAT_BASE_URL set: WeChat is simulated at ` +
    `${mode.simulator.baseUrl} (account ${mode.overrides.WECHAT_APPID}, ` +
    `example order ${EXAMPLE_ORDER_ID}, fee 10000 fen). Try:`
  );
}

function curlLine(mode: SimulatorMode, port: number): string {
  const auth = mode.apiKey
    ? `-H 'authorization: Bearer ${mode.apiKey}' `
    : `-H 'authorization: Bearer <a key from SAMPLE_API_KEYS>' `;
  const body = JSON.stringify({
    appid: mode.overrides.WECHAT_APPID,
    order_id: EXAMPLE_ORDER_ID,
    reason: '线上线下重复缴费,解档票据号为DA01651861',
  });
  return (
    `curl -s -X POST http://127.0.0.1:${port}/refunds ${auth}` +
    `-H 'content-type: application/json' -d '${body}'`
  );
}

void bootstrap();

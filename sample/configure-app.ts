import { ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NontaxExceptionFilter } from 'nestjs-wechat-nontax';

/** Create the app with `{ bodyParser: false }`: JSON is parsed here. */
export const APP_OPTIONS = { bodyParser: false } as const;

/** What the sample adds to the app; the e2e tests apply the same. */
export function configureApp(
  app: NestExpressApplication,
): NestExpressApplication {
  // JSON only, and small: a refund body is a few hundred bytes. Without a
  // form parser a cross-site HTML form cannot post a refund.
  app.useBodyParser('json', { limit: '16kb' });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
    }),
  );
  app.useGlobalFilters(new NontaxExceptionFilter());
  app.enableShutdownHooks();
  return app;
}

import { ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NontaxExceptionFilter, safeJsonBody } from 'nestjs-wechat-nontax';

/** Create the app with `{ bodyParser: false }`: JSON is parsed here. */
export const APP_OPTIONS = { bodyParser: false } as const;

/** What the sample adds to the app; the e2e tests apply the same. */
export function configureApp(
  app: NestExpressApplication,
): NestExpressApplication {
  // JSON only, small (a refund body is a few hundred bytes), shallow and
  // without __proto__ keys. Without a form parser a cross-site HTML form
  // cannot post a refund.
  app.useBodyParser('json', safeJsonBody({ limit: '16kb', maxDepth: 32 }));
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

import { ValidationPipe, type INestApplication } from '@nestjs/common';
import { NontaxExceptionFilter } from 'nestjs-wechat-nontax';

/** What the sample adds to the app; the e2e tests apply the same. */
export function configureApp(app: INestApplication): INestApplication {
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

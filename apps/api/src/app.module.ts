import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuditController } from './audit/audit.controller';
import { AccessGuard } from './common/access.guard';
import { AuthModule } from './auth/auth.module';
import { AuthGuard } from './common/auth.guard';
import { CorrelationMiddleware } from './common/correlation.middleware';
import { RateLimitGuard, rateLimitOptions } from './common/rate-limit';
import { AppExceptionFilter } from './common/exception.filter';
import { CoreDependencies, CoreModule } from './core.module';
import { HealthController } from './health/health.controller';
import { TokensController } from './tokens/tokens.controller';
import { AREA_MODULES } from './areas';

/** The HTTP application: core, rate limit, authentication, authorisation, the filter, and one module per area. */
@Module({})
export class AppModule implements NestModule {
  static register(deps: CoreDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.register(deps),
        ThrottlerModule.forRoot(rateLimitOptions(deps.env, deps.dataSource, deps.clock)),
        AuthModule,
        ...AREA_MODULES,
      ],
      controllers: [HealthController, TokensController, AuditController],
      providers: [
        // Authentication first: the rate limit counts per person, or per address when anonymous.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: AppExceptionFilter },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationMiddleware).forRoutes('*path');
  }
}

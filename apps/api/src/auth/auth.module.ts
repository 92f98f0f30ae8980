import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OidcService, SessionService } from '@it-samverkan/application';
import type { AppEnv } from '@it-samverkan/config/env';
import { APP_ENV, DATA_SOURCE } from '../common/tokens';
import { AuthController } from './auth.controller';
import { PersonsController } from './persons.controller';

/** Who the principal is: login (password or OpenID Connect), logout and sessions, and the persons who log in. */
@Module({
  controllers: [AuthController, PersonsController],
  providers: [
    {
      provide: OidcService,
      useFactory: (ds: DataSource, env: AppEnv, sessions: SessionService) =>
        new OidcService(ds, env.oidc, sessions),
      inject: [DATA_SOURCE, APP_ENV, SessionService],
    },
  ],
})
export class AuthModule {}

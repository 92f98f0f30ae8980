import { DynamicModule, Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService, PersonService, SessionService, TokenService } from '@it-samverkan/application';
import type { AppEnv } from '@it-samverkan/config/env';
import { APP_ENV, CLOCK, Clock, DATA_SOURCE } from './common/tokens';

export interface CoreDependencies {
  env: AppEnv;
  dataSource: DataSource;
  clock: Clock;
}

/** The data source, environment, clock and the token, session, person and access services, shared by every area module. */
@Global()
@Module({})
export class CoreModule {
  static register(deps: CoreDependencies): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_ENV, useValue: deps.env },
        { provide: DATA_SOURCE, useValue: deps.dataSource },
        { provide: CLOCK, useValue: deps.clock },
        {
          provide: TokenService,
          useFactory: (ds: DataSource) => new TokenService(ds),
          inject: [DATA_SOURCE],
        },
        {
          provide: SessionService,
          useFactory: (ds: DataSource) => new SessionService(ds, deps.env.session),
          inject: [DATA_SOURCE],
        },
        {
          provide: PersonService,
          useFactory: (ds: DataSource) => new PersonService(ds),
          inject: [DATA_SOURCE],
        },
        {
          provide: AccessService,
          useFactory: (ds: DataSource) => new AccessService(ds),
          inject: [DATA_SOURCE],
        },
      ],
      exports: [APP_ENV, DATA_SOURCE, CLOCK, TokenService, SessionService, PersonService, AccessService],
    };
  }
}

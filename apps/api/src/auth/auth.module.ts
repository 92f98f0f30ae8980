import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { PersonsController } from './persons.controller';

/** Who the principal is: login, logout and sessions, and the persons who log in. */
@Module({ controllers: [AuthController, PersonsController] })
export class AuthModule {}

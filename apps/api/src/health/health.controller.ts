import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { databaseKind } from '@it-samverkan/persistence';
import { Public } from '../common/roles.decorator';
import { DATA_SOURCE } from '../common/tokens';

@ApiTags('Hälsa')
@Controller('health')
export class HealthController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** Liveness and database reachability; the only route without a token. */
  @Public()
  // Load balancers ask often from one address; the answer is one SELECT 1 and must never be 429.
  @SkipThrottle()
  @Get()
  @ApiOkResponse({
    description: 'Tjänsten och databasen svarar',
    schema: { example: { status: 'ok', database: 'sqlite' } },
  })
  async health(): Promise<{ status: 'ok'; database: 'sqlite' | 'mysql' }> {
    await this.dataSource.query('SELECT 1');
    return { status: 'ok', database: databaseKind(this.dataSource) };
  }
}

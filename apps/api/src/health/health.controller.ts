import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { databaseKind } from '@it-samverkan/persistence';
import { Public } from '../common/roles.decorator';
import { DATA_SOURCE } from '../common/tokens';

/**
 * A database answer this recent stands for reachability: a load balancer asking many times a
 * second costs one SELECT 1 a second, and /health stays as cheap as the framework allows.
 */
const REACHABILITY_MS = 1_000;

@ApiTags('Hälsa')
@Controller('health')
export class HealthController {
  private checked: { at: number; answered: Promise<unknown> } | null = null;

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
    const now = Date.now();
    if (!this.checked || now - this.checked.at >= REACHABILITY_MS) {
      const answered = this.dataSource.query('SELECT 1');
      this.checked = { at: now, answered };
      // A failed check is not reused: the next request asks the database again.
      answered.catch(() => {
        if (this.checked?.answered === answered) this.checked = null;
      });
    }
    await this.checked.answered;
    return { status: 'ok', database: databaseKind(this.dataSource) };
  }
}

import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { MunicipalityHistoryService } from '@it-samverkan/application';
import { Access, named } from '../common/access.decorator';

@ApiTags('Styrgrupp: scenarier')
@ApiBearerAuth()
@Controller('history')
export class HistoryController {
  constructor(@Inject(MunicipalityHistoryService) private readonly history: MunicipalityHistoryService) {}

  @Get('municipalities/:municipality')
  @Access('read', named.shared)
  @ApiOperation({
    summary:
      'En kommuns andel år för år ur de godkända modellerna: budget per år och utfall där det är godkänt, äldst först',
  })
  @ApiParam({ name: 'municipality', example: 'tranemo' })
  @ApiOkResponse({ description: 'it-samverkan/municipality-history@1 med kommunens namn' })
  municipality(@Param('municipality') municipality: string) {
    return this.history.history(municipality);
  }
}

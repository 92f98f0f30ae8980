import { Controller, Get, Inject, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PriceListService, priceListFile, XLSX_MIME } from '@it-samverkan/application';
import { priceListPdf, priceListXlsx } from '@it-samverkan/files';
import { Access, named } from '../common/access.decorator';
import { CLOCK, Clock } from '../common/tokens';
import { YearParam } from './cost-model.dto';

const YEAR = { name: 'year', example: 2026, description: 'Året vars godkända budgetmodell prissätter' };

/** The yearly price list (prislista IT-tjänster): shared within the cooperation (DOMAIN.md 9). */
@ApiTags('Tjänstefiering')
@ApiBearerAuth()
@Controller('price-lists')
export class PriceListsController {
  constructor(
    @Inject(PriceListService) private readonly priceLists: PriceListService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':year')
  @Access('read', named.shared)
  @ApiOperation({
    summary:
      'Prislistan för ett år: per tjänst enhet, à-pris, vad som ingår och förändring mot föregående års godkända budget (kr och %, eller "ny"), med beslutet som godkände budgeten. 404 när året saknar godkänd budget',
  })
  @ApiParam(YEAR)
  @ApiOkResponse({ description: 'it-samverkan/price-list@1' })
  get(@Param() params: YearParam) {
    return this.priceLists.forYear(params.year, this.clock.now());
  }

  @Get(':year/pdf')
  @Access('read', named.shared)
  @ApiOperation({ summary: 'Prislistan som PDF (A4 liggande, daterad, med beslutet)' })
  @ApiParam(YEAR)
  @ApiProduces('application/pdf')
  async pdf(@Param() params: YearParam) {
    const view = await this.priceLists.forYear(params.year, this.clock.now());
    return new StreamableFile(await priceListPdf(priceListFile(view)), {
      type: 'application/pdf',
      disposition: `attachment; filename="prislista-${view.year}.pdf"`,
    });
  }

  @Get(':year/xlsx')
  @Access('read', named.shared)
  @ApiOperation({
    summary:
      'Prislistan som XLSX: utskriftsanpassad (sidbredd, upprepad rubrikrad), med datum och beslut i bladet',
  })
  @ApiParam(YEAR)
  @ApiProduces(XLSX_MIME)
  async xlsx(@Param() params: YearParam) {
    const view = await this.priceLists.forYear(params.year, this.clock.now());
    return new StreamableFile(await priceListXlsx(priceListFile(view)), {
      type: XLSX_MIME,
      disposition: `attachment; filename="prislista-${view.year}.xlsx"`,
    });
  }
}

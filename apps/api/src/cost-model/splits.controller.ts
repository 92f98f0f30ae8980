import {
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { SplitRunService, splitResultCsv, splitResultXlsx, XLSX_MIME } from '@it-samverkan/application';
import { CachedRead } from '../common/cached-read.interceptor';
import { Access, named } from '../common/access.decorator';

const ID = { name: 'id', format: 'uuid', description: 'Fördelningskörningens id' };

@ApiTags('Tjänstefiering')
@ApiBearerAuth()
@Controller('splits')
export class SplitsController {
  constructor(@Inject(SplitRunService) private readonly splits: SplitRunService) {}

  @Get(':id')
  @CachedRead()
  @Access('read', named.shared)
  @ApiOperation({
    summary:
      'Hämta en sparad fördelningskörning: resultatet (DOMAIN.md 5.4), motorversion, hashar och beslut',
  })
  @ApiParam(ID)
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.splits.get(id);
  }

  @Get(':id/input')
  @Access('read', named.shared)
  @ApiOperation({ summary: 'Hämta körningens indata: modelldokumentet exakt som det fördelades' })
  @ApiParam(ID)
  input(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.splits.input(id);
  }

  @Get(':id/result.csv')
  @Access('read', named.shared)
  @ApiOperation({
    summary:
      'Resultatet som CSV (semikolon, UTF-8 med BOM): förbrukare, kommun, tjänst, belopp och totalsumma',
  })
  @ApiParam(ID)
  @ApiProduces('text/csv')
  async csv(@Param('id', new ParseUUIDPipe()) id: string) {
    const files = await this.splits.files(id);
    return new StreamableFile(
      Buffer.from(splitResultCsv(files.model, files.result, files.createdAt), 'utf8'),
      {
        type: 'text/csv; charset=utf-8',
        disposition: `attachment; filename="fordelning-${files.result.year}.csv"`,
      },
    );
  }

  @Get(':id/result.xlsx')
  @Access('read', named.shared)
  @ApiOperation({ summary: 'Resultatet som XLSX: bladen Tjänster, Förbrukare och Kommuner med summaformler' })
  @ApiParam(ID)
  @ApiProduces(XLSX_MIME)
  async xlsx(@Param('id', new ParseUUIDPipe()) id: string) {
    const files = await this.splits.files(id);
    return new StreamableFile(
      await splitResultXlsx(files.model, files.result, files.createdAt, {
        decision: files.decision,
        municipalityName: files.municipalityName,
      }),
      {
        type: XLSX_MIME,
        disposition: `attachment; filename="fordelning-${files.result.year}.xlsx"`,
      },
    );
  }

  @Get(':id/trace/:consumerId')
  @Access('read', named.shared)
  @ApiOperation({
    summary:
      'Spåra en förbrukares belopp: från vilken pool, genom vilka tjänster (summerar exakt till totalen)',
  })
  @ApiParam(ID)
  @ApiParam({ name: 'consumerId', example: 'ulr-ks' })
  trace(@Param('id', new ParseUUIDPipe()) id: string, @Param('consumerId') consumerId: string) {
    return this.splits.trace(id, consumerId);
  }

  @Post(':id/reproduce')
  @Access('compute', named.shared)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Räkna om en körning från sparad indata och jämför resultatets hash (ändrar inget)',
  })
  @ApiParam(ID)
  reproduce(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.splits.reproduce(id);
  }
}

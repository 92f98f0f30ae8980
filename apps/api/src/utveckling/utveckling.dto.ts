import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsIn, IsOptional, IsString } from 'class-validator';
import { DEVELOPMENT_FUNDINGS, DEVELOPMENT_STATUSES } from '@it-samverkan/domain';
import { PageQuery } from '../common/pagination.dto';

const FUNDING_TEXT =
  'framework = inom ramuppdraget (delas via kostnadsmodellen), additional = tilläggsuppdrag som debiteras beställaren';
const FUNDING_MESSAGE = { message: 'funding måste vara framework eller additional' };
const STATUS_MESSAGE = { message: `status måste vara en av ${DEVELOPMENT_STATUSES.join(', ')}` };

/**
 * The request bodies below are checked by their use case in one pass (DevelopmentRequestService,
 * DevelopmentHoursService), which names every wrong or missing field at once, references and
 * dates included; here they are documented and only unknown fields are refused.
 */

/** A new development request (utvecklingsärende) from a unit. */
export class CreateDevelopmentRequestDto {
  @ApiProperty({ example: 'ulr-bou', description: 'Beställande enhet' })
  @Allow()
  unitId: string;

  @ApiProperty({ example: 'E-tjänst för ansökan om skolskjuts' })
  @Allow()
  title: string;

  @ApiProperty({ example: 'Vårdnadshavare ska kunna ansöka digitalt med BankID.' })
  @Allow()
  need: string;

  @ApiProperty({ example: '40', description: 'Uppskattning i timmar (högst två decimaler)' })
  @Allow()
  estimateHours: string | number;

  @ApiProperty({ enum: DEVELOPMENT_FUNDINGS, description: FUNDING_TEXT })
  @Allow()
  funding: string;
}

/** Changes to a request before the forum has decided. */
export class UpdateDevelopmentRequestDto {
  @ApiPropertyOptional()
  @Allow()
  title?: string;

  @ApiPropertyOptional()
  @Allow()
  need?: string;

  @ApiPropertyOptional({ example: '32.5' })
  @Allow()
  estimateHours?: string | number;

  @ApiPropertyOptional({ enum: DEVELOPMENT_FUNDINGS, description: FUNDING_TEXT })
  @Allow()
  funding?: string;
}

/** The next status, with the decision when deciding or rejecting. */
export class StatusChangeDto {
  @ApiProperty({ enum: DEVELOPMENT_STATUSES, example: 'decided' })
  @IsIn([...DEVELOPMENT_STATUSES], STATUS_MESSAGE)
  status: string;

  @ApiPropertyOptional({
    description: 'Beslutet (id i beslutsregistret) som beslutar eller avslår; krävs för decided och rejected',
  })
  @IsOptional()
  @IsString({ message: 'decisionId måste vara text' })
  decisionId?: string;

  @ApiPropertyOptional({
    enum: DEVELOPMENT_FUNDINGS,
    description: `Bara med status decided: finansieringen forumet beslutade. ${FUNDING_TEXT}`,
  })
  @IsOptional()
  @IsIn([...DEVELOPMENT_FUNDINGS], FUNDING_MESSAGE)
  funding?: string;
}

/** Hours worked on an additional assignment. */
export class ReportHoursDto {
  @ApiProperty({ example: '6.5', description: 'Timmar, större än 0, högst två decimaler' })
  @Allow()
  hours: string | number;

  @ApiProperty({ example: '2025-03-05', description: 'Dagen arbetet utfördes (ÅÅÅÅ-MM-DD)' })
  @Allow()
  reportedOn: string;

  @ApiPropertyOptional({ example: 'Integration mot elevregistret' })
  @Allow()
  note?: string;
}

/** `?status=received&meetingDate=2025-03-12&unitId=ulr-bou&page=1` */
export class DevelopmentRequestQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DEVELOPMENT_STATUSES })
  @IsOptional()
  @IsIn([...DEVELOPMENT_STATUSES], STATUS_MESSAGE)
  status?: string;

  @ApiPropertyOptional({
    example: '2025-03-12',
    description:
      'Mötets lista: mottagna och prioriterade ärenden att ta upp, och ärenden som beslutats eller avslagits genom mötets beslut',
  })
  @IsOptional()
  @IsString({ message: 'meetingDate måste anges som ÅÅÅÅ-MM-DD' })
  meetingDate?: string;

  @ApiPropertyOptional({ example: 'ulr-bou' })
  @IsOptional()
  @IsString({ message: 'unitId måste vara text' })
  unitId?: string;
}

/** `?month=2025-03` */
export class ChargeInputsQuery {
  @ApiProperty({ example: '2025-03', description: 'Faktureringsmånad ÅÅÅÅ-MM' })
  @IsString({ message: 'month måste anges som ÅÅÅÅ-MM' })
  month: string;
}

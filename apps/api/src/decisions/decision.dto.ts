import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { FORUMS } from '@it-samverkan/persistence';
import { PageQuery } from '../common/pagination.dto';

const FORUM_LIST = FORUMS as unknown as string[];

/** A decision's date, paragraph and subject (the forum is given separately where it is fixed). */
export class DecisionFieldsDto {
  @ApiProperty({ example: '2024-11-20', description: 'Sammanträdets datum (ÅÅÅÅ-MM-DD)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date måste vara ett datum ÅÅÅÅ-MM-DD' })
  date: string;

  @ApiProperty({ example: '§ 14', description: 'Paragraf i protokollet; "14" blir "§ 14"' })
  @IsString({ message: 'paragraph måste vara text' })
  @Length(1, 20, { message: 'paragraph måste vara 1–20 tecken' })
  paragraph: string;

  @ApiProperty({ example: 'Tjänstefiering 2025: budget och prislista', description: 'Ärendemening' })
  @IsString({ message: 'subject måste vara text' })
  @Length(1, 500, { message: 'subject måste vara 1–500 tecken' })
  subject: string;
}

export class CreateDecisionDto extends DecisionFieldsDto {
  @ApiProperty({ enum: FORUM_LIST, example: 'styrgrupp' })
  @IsIn(FORUM_LIST, { message: `forum måste vara ett av: ${FORUMS.join(', ')}` })
  forum: string;
}

export class DecisionQuery extends PageQuery {
  @ApiPropertyOptional({ example: 2024, description: 'Beslutsår' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year måste vara ett heltal' })
  @Min(1900, { message: 'year måste vara ett år' })
  @Max(2999, { message: 'year måste vara ett år' })
  year?: number;

  @ApiPropertyOptional({ enum: FORUM_LIST })
  @IsOptional()
  @IsIn(FORUM_LIST, { message: `forum måste vara ett av: ${FORUMS.join(', ')}` })
  forum?: string;

  @ApiPropertyOptional({
    enum: ['asc', 'desc'],
    default: 'asc',
    description: 'asc: i sammanträdesordning (äldst först); desc: nyast först',
  })
  @IsOptional()
  @IsIn(['asc', 'desc'], { message: 'order måste vara asc eller desc' })
  order?: 'asc' | 'desc';
}

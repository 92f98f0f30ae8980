import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@it-samverkan/application';
import { ROLES } from '@it-samverkan/persistence';

export class LoginDto {
  @ApiProperty({ example: 'ekonomi.ulricehamn' })
  @IsString({ message: 'username måste vara text' })
  @Length(1, 100, { message: 'username måste vara 1–100 tecken' })
  username: string;

  @ApiProperty({ example: 'ett långt lösenord' })
  @IsString({ message: 'password måste vara text' })
  @Length(1, PASSWORD_MAX_LENGTH, { message: `password måste vara 1–${PASSWORD_MAX_LENGTH} tecken` })
  password: string;
}

const PASSWORD_MESSAGE = `password måste vara ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} tecken`;

export class CreatePersonDto {
  @ApiProperty({ example: 'anna.lind', description: 'Gemener, siffror och . _ @ -' })
  @Matches(/^[a-z0-9][a-z0-9._@-]{1,99}$/, {
    message: 'username ska vara 2–100 tecken: gemener, siffror och . _ @ -',
  })
  username: string;

  @ApiProperty({ example: 'Anna Lind' })
  @IsString({ message: 'displayName måste vara text' })
  @Length(1, 200, { message: 'displayName måste vara 1–200 tecken' })
  displayName: string;

  @ApiPropertyOptional({ example: 'anna.lind@ulricehamn.se' })
  @IsOptional()
  @IsEmail({}, { message: 'email måste vara en e-postadress' })
  email?: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES as unknown as string[], { message: `role måste vara en av: ${ROLES.join(', ')}` })
  role: string;

  @ApiPropertyOptional({
    example: 'ulricehamn',
    description: 'Kommun- eller bolags-id som begränsar personen',
  })
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,64}$/, { message: 'scope ska vara ett kommun- eller bolags-id, t.ex. tranemo' })
  scope?: string;

  @ApiPropertyOptional({
    description: `Lokalt lösenord (${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} tecken); utan det loggar personen in via OIDC`,
  })
  @IsOptional()
  @IsString({ message: PASSWORD_MESSAGE })
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, { message: PASSWORD_MESSAGE })
  password?: string;
}

export class SetPasswordDto {
  @ApiProperty({ description: `${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} tecken` })
  @IsString({ message: PASSWORD_MESSAGE })
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, { message: PASSWORD_MESSAGE })
  password: string;
}

import { ApiOkResponse, ApiPropertyOptional } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { PageRequest } from '@it-samverkan/application';

/** `?page=1&pageSize=50` on every list endpoint. */
export class PageQuery {
  @ApiPropertyOptional({ description: 'Sidnummer, från 1', default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page måste vara ett heltal' })
  @Min(1, { message: 'page måste vara minst 1' })
  page?: number;

  @ApiPropertyOptional({ description: 'Antal per sida (högst 500)', default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize måste vara ett heltal' })
  @Min(1, { message: 'pageSize måste vara minst 1' })
  @Max(500, { message: 'pageSize får vara högst 500' })
  pageSize?: number;
}

export function pageRequest(query: PageQuery): PageRequest {
  return { page: query.page ?? 1, pageSize: query.pageSize ?? 50 };
}

/** OpenAPI for a paged answer: the items of the page and where the client is in the list. */
export function ApiPageResponse(description: string, item: SchemaObject = { type: 'object' }) {
  return ApiOkResponse({
    description,
    schema: {
      type: 'object',
      required: ['items', 'page', 'pageSize', 'total', 'pages', 'next'],
      properties: {
        items: { type: 'array', items: item },
        page: { type: 'integer', description: 'Sidans nummer, från 1' },
        pageSize: { type: 'integer', description: 'Antal per sida (högst 500)' },
        total: { type: 'integer', description: 'Antal i hela listan' },
        pages: { type: 'integer', description: 'Antal sidor (minst 1)' },
        next: { type: 'integer', nullable: true, description: 'Nästa sidas nummer; null på sista sidan' },
      },
    },
  });
}

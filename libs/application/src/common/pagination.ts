import type { FindManyOptions, ObjectLiteral, Repository } from 'typeorm';

/** A page request: 1-based page number and page size (at most 500). */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/** A page of results with the total count, so a client can show "sida 2 av 7". */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  pages: number;
  /** The number of the page after this one, or null on the last page. */
  next: number | null;
}

export const DEFAULT_PAGE: PageRequest = { page: 1, pageSize: 50 };

export function pageOf<T>(items: T[], total: number, request: PageRequest): Page<T> {
  const pages = Math.max(1, Math.ceil(total / request.pageSize));
  return {
    items,
    page: request.page,
    pageSize: request.pageSize,
    total,
    pages,
    next: request.page < pages ? request.page + 1 : null,
  };
}

/** Pages an in-memory list (for documents computed rather than queried). */
export function pageList<T>(all: T[], request: PageRequest): Page<T> {
  const start = (request.page - 1) * request.pageSize;
  return pageOf(all.slice(start, start + request.pageSize), all.length, request);
}

/** The rows of `request`'s page (OFFSET/LIMIT in the query) and the count of all, mapped to views. */
export async function findPage<E extends ObjectLiteral, V>(
  repository: Repository<E>,
  options: FindManyOptions<E>,
  request: PageRequest,
  view: (row: E) => V,
): Promise<Page<V>> {
  const [rows, total] = await repository.findAndCount({
    ...options,
    skip: (request.page - 1) * request.pageSize,
    take: request.pageSize,
  });
  return pageOf(rows.map(view), total, request);
}

/** Every item of a paged list, read page by page (for a command line that prints the whole list). */
export async function everyItem<T>(load: (request: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  for (let page: number | null = 1; page !== null;) {
    const part = await load({ page, pageSize: 500 });
    all.push(...part.items);
    page = part.next;
  }
  return all;
}

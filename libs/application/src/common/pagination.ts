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
}

export const DEFAULT_PAGE: PageRequest = { page: 1, pageSize: 50 };

export function pageOf<T>(items: T[], total: number, request: PageRequest): Page<T> {
  return {
    items,
    page: request.page,
    pageSize: request.pageSize,
    total,
    pages: Math.max(1, Math.ceil(total / request.pageSize)),
  };
}

/** Pages an in-memory list (for documents computed rather than queried). */
export function pageList<T>(all: T[], request: PageRequest): Page<T> {
  const start = (request.page - 1) * request.pageSize;
  return pageOf(all.slice(start, start + request.pageSize), all.length, request);
}

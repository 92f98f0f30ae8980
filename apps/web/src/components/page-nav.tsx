import { Pagination, Paragraph, usePagination } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { Page } from '../api/types';

/** The page of a paged list being shown, and its size: state for a list the API answers page by page. */
export function usePageNumber(pageSize: number) {
  const [page, setPage] = useState(1);
  return { page, setPage, query: { page, pageSize } };
}

/**
 * Where the reader is in a paged API list ("Sida 2 av 3, 23 importer") and buttons to the other
 * pages; nothing when the list fits on one page.
 */
export function PageNav({
  list,
  label,
  noun,
  onPage,
}: {
  list: Page<unknown>;
  /** The navigation's accessible name, e.g. "Sidor med registerimporter". */
  label: string;
  /** What the list holds, plural ("importer"). */
  noun: string;
  onPage: (page: number) => void;
}) {
  const { pages, prevButtonProps, nextButtonProps } = usePagination({
    currentPage: list.page,
    totalPages: list.pages,
    setCurrentPage: onPage,
  });
  if (list.pages <= 1) return null;
  return (
    <>
      <Paragraph data-size="sm" aria-live="polite">
        Sida {list.page} av {list.pages}, {list.total} {noun}.
      </Paragraph>
      <Pagination aria-label={label}>
        <Pagination.List>
          {/* prev and next are always the first and last items (the arrows); aria-hidden hides the one with nowhere to go */}
          <Pagination.Item>
            <Pagination.Button {...prevButtonProps}>Föregående</Pagination.Button>
          </Pagination.Item>
          {pages.map(({ page, itemKey, buttonProps }) => (
            <Pagination.Item key={itemKey}>
              {typeof page === 'number' && (
                <Pagination.Button {...buttonProps} aria-label={`Sida ${page}`}>
                  {page}
                </Pagination.Button>
              )}
            </Pagination.Item>
          ))}
          <Pagination.Item>
            <Pagination.Button {...nextButtonProps}>Nästa</Pagination.Button>
          </Pagination.Item>
        </Pagination.List>
      </Pagination>
    </>
  );
}

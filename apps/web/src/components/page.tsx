import { Heading } from '@digdir/designsystemet-react';
import { ReactNode, useEffect, useRef } from 'react';

/** The first page of a visit keeps the browser's own focus (the skip link comes first). */
let firstPageShown = false;

/**
 * One page: sets the document title and, when reached through a link in the app, moves focus to the
 * heading, so a screen reader announces where the link led (a single-page app does not reload).
 */
export function Page({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – IT-samverkan`;
    if (firstPageShown) heading.current?.focus({ preventScroll: false });
    firstPageShown = true;
  }, [title]);
  return (
    <>
      <Heading level={1} data-size="lg" ref={heading} tabIndex={-1} className="page-title">
        {title}
      </Heading>
      {intro}
      {children}
    </>
  );
}

/** A section of a page with its own heading (h2), labelled by it for landmarks. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="page-section">
      <Heading level={2} data-size="md" id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

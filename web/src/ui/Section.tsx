// A section of a page: its h2 names it (aria-labelledby), so a screen reader lists it by that name.
import { useId, type ReactNode } from 'react';

interface SectionProps {
  readonly title: string;
  /** the heading's id, when the page focuses it (a form's step); else one of its own */
  readonly headingId?: string;
  /** a class of the surface's, besides `section` */
  readonly className?: string;
  readonly children: ReactNode;
}

export function Section({ title, headingId, className, children }: SectionProps) {
  const ownId = useId();
  const id = headingId ?? ownId;
  return (
    <section className={className ? `section ${className}` : 'section'} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

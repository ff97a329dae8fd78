// A live region that is always in the page, so screen readers announce what appears in it.
import type { ReactNode } from 'react';

interface NoticeProps {
  readonly tone: 'error' | 'success' | 'info';
  readonly children?: ReactNode;
  readonly id?: string;
}

export function Notice({ tone, children, id }: NoticeProps) {
  const hasContent = children !== undefined && children !== null && children !== false && children !== '';
  return (
    <div
      id={id}
      className={hasContent ? `notice notice--${tone}` : 'notice notice--empty'}
      role={tone === 'error' ? 'alert' : 'status'}
      aria-live={tone === 'error' ? 'assertive' : 'polite'}
      aria-atomic="true"
    >
      {hasContent ? children : null}
    </div>
  );
}

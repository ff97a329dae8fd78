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

/** A message a screen shows after an action: its text and, for a refusal, the server's details. */
export interface NoticeMessage {
  readonly tone: 'error' | 'success' | 'info';
  readonly text: string;
  readonly details?: readonly string[];
}

/** The live region with a message in it, or empty (still in the page) when there is none. */
export function MessageNotice({ message }: { readonly message: NoticeMessage | null }) {
  return (
    <Notice tone={message?.tone ?? 'info'}>
      {message && (
        <>
          <p>{message.text}</p>
          {message.details && message.details.length > 0 && <ul>{message.details.map((d, i) => <li key={i}>{d}</li>)}</ul>}
        </>
      )}
    </Notice>
  );
}

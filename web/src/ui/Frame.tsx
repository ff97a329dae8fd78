// The frame every page stands in, the staff app's and the citizens' portal's alike: skip link,
// header (the site's name, then its tools), navigation, main (focused after a navigation), footer.
import type { ReactNode } from 'react';
import { Link } from './router';

interface FrameProps {
  readonly className: string;
  readonly skipText: string;
  /** the site's name (a Brand) */
  readonly brand: ReactNode;
  /** the header's tools: account, language, sign-out */
  readonly tools: ReactNode;
  readonly nav?: ReactNode;
  readonly footer?: ReactNode;
  readonly children: ReactNode;
}

export function Frame({ className, skipText, brand, tools, nav, footer, children }: FrameProps) {
  return (
    <div className={className}>
      <a className="skip-link" href="#main">{skipText}</a>
      <header className="site-header">
        <div className="site-header__inner">
          {brand}
          <div className="site-header__tools">{tools}</div>
        </div>
      </header>
      {nav}
      <main id="main" className="site-main" tabIndex={-1}>{children}</main>
      {footer}
    </div>
  );
}

/** The site's navigation: one link a line, each `[path, text]`. */
export function SiteNav({ label, links }: { readonly label: string; readonly links: ReadonlyArray<readonly [string, string]> }) {
  return (
    <nav className="site-nav" aria-label={label}>
      <ul className="site-nav__list">
        {links.map(([to, text]) => <li key={to}><Link to={to}>{text}</Link></li>)}
      </ul>
    </nav>
  );
}

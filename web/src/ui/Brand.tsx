// The site's name and what it is for, at the top of every frame (staff Layout, the portal's).
import { Link } from './router';

/** The site's name linking to its first page, and what the site is for. */
export function Brand({ to, name, tagline }: { readonly to: string; readonly name: string; readonly tagline: string }) {
  return (
    <div className="brand">
      <Link to={to} className="brand__name">{name}</Link>
      <span className="brand__tagline">{tagline}</span>
    </div>
  );
}

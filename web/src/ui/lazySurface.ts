// A surface folder's pages, loaded as one chunk the first time one of them is shown.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

// any component, whatever its props (the bound React's own lazy() puts on what it loads)
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Component = ComponentType<any>;

/** Each component a surface module exports, as a lazily loaded component of the same props. */
export type LazySurface<S> = {
  readonly [K in keyof S as S[K] extends Component ? K : never]: S[K] extends Component ? LazyExoticComponent<S[K]> : never;
};

/**
 * `lazySurface(() => import('./admin/surface')).UnitsPage` renders the module's `UnitsPage`,
 * fetching the chunk (once, shared by the surface's pages) the first time one is rendered.
 * Each page's lazy component is made once, so React keeps its state across renders.
 */
export function lazySurface<S extends object>(load: () => Promise<S>): LazySurface<S> {
  const made = new Map<string, unknown>();
  const pageOf = (name: string) =>
    lazy(() => load().then((surface) => ({ default: (surface as Record<string, Component>)[name] as Component })));
  return new Proxy({} as LazySurface<S>, {
    get(_target, name) {
      if (typeof name !== 'string') return undefined;
      if (!made.has(name)) made.set(name, pageOf(name));
      return made.get(name);
    },
  });
}

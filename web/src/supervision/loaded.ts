// The state of a section that loads from the server.
export type Loaded<T> = { readonly status: 'loading' } | { readonly status: 'failed'; readonly error: unknown } | ({ readonly status: 'ready' } & T);

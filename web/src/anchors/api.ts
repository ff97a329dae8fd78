// The public anchors endpoint (src/dossiers/anchor-routes.ts): the key and the signed days.
import type { AnchorsAnswer } from '../../../src/dossiers/anchor-routes';
import { request } from '../api/client';

export type Anchors = AnchorsAnswer;
export type Anchor = AnchorsAnswer['anchors'][number];

export const anchorsJsonPath = '/api/v1/public/anchors';

export const fetchAnchors = (signal?: AbortSignal) => request<Anchors>('GET', anchorsJsonPath, signal ? { signal } : {});

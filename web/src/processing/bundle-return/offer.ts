// What the bundle page's return section says and offers (issue 17 §4), from the bundle's view as the
// server answers it. Pure. A clerk returns at the counter what is returnable now when the applicant
// chose the counter, or when the post brought the one parcel back undelivered (`backFromPost`, the
// server's rule in src/bundles/returns.ts); the choice changes only while something is left to return
// (`returnChoiceOpen`) and not once the parcel is back (the return is then at the counter).
import type { BundleView } from '../api';

export type ReturnLine =
  | { readonly key: 'allReturned' | 'returnedWithEnded' | 'nothingLeft' | 'nothingToReturn' }
  | { readonly key: 'returnableNow' | 'readyForPost' | 'awaited'; readonly codes: string };

export interface ReturnOffer {
  readonly line: ReturnLine;
  /** the post's hint (one parcel, or each as it comes) while the post still has the return */
  readonly byPostHint: boolean;
  readonly mayReturn: boolean;
  readonly mayChangeChoice: boolean;
}

type View = Pick<BundleView, 'returnChoice' | 'returnable' | 'backFromPost' | 'returnChoiceOpen' | 'members'>;

/** `may`: what the user's permissions allow (return at the counter; receive, which changes the choice). */
export function returnOffer(bundle: View, may: { readonly returnAtCounter: boolean; readonly changeChoice: boolean }): ReturnOffer {
  const { returnChoice: choice, returnable, backFromPost, returnChoiceOpen } = bundle;
  const atCounter = choice.place === 'counter' || backFromPost;
  const allReturned = bundle.members.every((m) => m.dossier.status === 'returned');
  const anyReturned = bundle.members.some((m) => m.dossier.status === 'returned');
  const line: ReturnLine = allReturned ? { key: 'allReturned' }
    : !returnChoiceOpen ? { key: anyReturned ? 'returnedWithEnded' : 'nothingLeft' }
      : returnable.now.length > 0 ? { key: atCounter ? 'returnableNow' : 'readyForPost', codes: returnable.now.join(', ') }
        : returnable.awaited.length > 0 ? { key: 'awaited', codes: returnable.awaited.join(', ') }
          : { key: 'nothingToReturn' };
  return {
    line,
    byPostHint: choice.place === 'post' && returnChoiceOpen && !backFromPost,
    mayReturn: may.returnAtCounter && atCounter && returnable.now.length > 0,
    mayChangeChoice: may.changeChoice && returnChoiceOpen && !backFromPost,
  };
}

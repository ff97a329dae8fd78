// The bundle page's return section (issue 17 §4): the applicant's choice, what is returnable now or
// still awaited, and for a clerk the one action that returns every ready member at the counter and
// the change of the choice while something is left to return; a together-by-post parcel the post
// brought back to the agency is returned here at the counter, in one action.
import type { User } from '../../api/types';
import { userCan } from '../../api/types';
import { Notice } from '../../ui/Notice';
import type { BundleView } from '../api';
import { useBundleT, type BundleT } from '../bundle-i18n';
import { ChoiceForm } from './ChoiceForm';
import { returnOffer } from './offer';
import { ReturnForm } from './ReturnForm';

/** "Trả cùng một lần…, tại quầy" */
export const choiceText = (b: BundleT, c: BundleView['returnChoice']) => b(`choice_${c.timing}_${c.place}`, { address: c.address ?? '' });

/** `onReturned`: the members returned; `onChanged`: the choice saved (the page says each above the reloaded bundle). */
export function ReturnPart({ bundle, user, onChanged, onReturned }: {
  readonly bundle: BundleView; readonly user: User; readonly onChanged: () => void; readonly onReturned: (r: { code: string; count: number }) => void;
}) {
  const b = useBundleT();
  const { returnChoice: choice, returnable, backFromPost } = bundle;
  const offer = returnOffer(bundle, { returnAtCounter: userCan(user, 'dossiers.return'), changeChoice: userCan(user, 'dossiers.receive') });
  return (
    <section aria-labelledby="bundle-return" className="section">
      <h2 id="bundle-return">{b('returnTitle')}</h2>
      <p><strong>{choiceText(b, choice)}</strong></p>
      {offer.byPostHint && <p className="field__hint">{b(choice.timing === 'together' ? 'byPostTogether' : 'byPostAsReady')}</p>}
      {backFromPost && <Notice tone="info">{b('backFromPost', { address: choice.address ?? '' })}</Notice>}
      <p>{'codes' in offer.line ? b(offer.line.key, { codes: offer.line.codes }) : b(offer.line.key)}</p>
      {offer.mayReturn && <ReturnForm code={bundle.code} applicantName={bundle.applicantName} count={returnable.now.length} onReturned={onReturned} />}
      {offer.mayChangeChoice && <ChoiceForm key={`${choice.timing}-${choice.place}`} code={bundle.code} choice={choice} onSaved={onChanged} />}
    </section>
  );
}

// The payment step of an end-to-end online procedure with a fee: the draft's payment order and the
// redirect to the gateway (portal/payment's PayButton); the gateway sends the payer back to the
// result page (/thanh-toan/ket-qua), whose "continue" returns to this draft (?ban-nhap=).
import { PayButton } from '../payment/PayButton';

export function PaymentStep({ draftId }: { readonly draftId: number }) {
  return <div className="online-pay"><PayButton subject={{ kind: 'draft', id: String(draftId) }} /></div>;
}

// Buttons with one visual hierarchy on every screen: one primary action per form (filled),
// secondary ones (outlined), and dangerous ones (outlined red, placed apart by the caller and
// confirmed before they act). type="button" unless said otherwise, so no button submits by accident.
import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from 'react';

export type ButtonKind = 'primary' | 'secondary' | 'danger';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  readonly kind?: ButtonKind;
}

export const buttonClass = (kind: ButtonKind) => `button button--${kind}`;

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button({ kind = 'secondary', type = 'button', className, ...rest }, ref) {
  return <button ref={ref} type={type} className={className ? `${buttonClass(kind)} ${className}` : buttonClass(kind)} {...rest} />;
});

interface SubmitButtonProps {
  readonly busy: boolean;
  readonly busyText: string;
  readonly text: string;
  /** the form's other actions (cancel), after the primary one */
  readonly children?: ReactNode;
}

/** A form's primary action: it submits, and says so while the form is being sent. */
export function SubmitButton({ busy, busyText, text, children }: SubmitButtonProps) {
  return (
    <div className="form__actions">
      <Button kind="primary" type="submit" disabled={busy}>{busy ? busyText : text}</Button>
      {children}
    </div>
  );
}

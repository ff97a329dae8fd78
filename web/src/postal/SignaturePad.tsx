// A signature drawn with a finger on the courier's phone (or the mouse), with the signer's name and,
// when asked, their ID number: the server checks both against the person expected and keeps the
// PNG. One hand: a wide pad, a large "Ký lại" button; nothing is sent until the form is.
import { useEffect, useId, useRef, useState, type PointerEvent } from 'react';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import type { Signature } from './api';
import { usePostalT } from './i18n';

export interface SignatureValue {
  readonly name: string;
  readonly personalId: string;
  /** the PNG data URL, null until something is drawn */
  readonly image: string | null;
}

export const emptySignature = (name = '', personalId = ''): SignatureValue => ({ name, personalId, image: null });

/** What the server takes: null while the name or the drawing is missing. */
export function signatureOf(v: SignatureValue, withId: boolean): Signature | null {
  if (v.image === null || v.name.trim().length < 2) return null;
  const id = v.personalId.trim();
  return { name: v.name.trim(), image: v.image, ...(withId && id ? { personalId: id } : {}) };
}

interface Props {
  readonly legend: string;
  readonly value: SignatureValue;
  readonly onChange: (v: SignatureValue) => void;
  /** the signer's ID number is asked (applicant, recipient, receiver) */
  readonly withId?: boolean;
  /** the name is known (the courier): shown, not typed */
  readonly fixedName?: boolean;
}

export function SignaturePad({ legend, value, onChange, withId = false, fixedName = false }: Props) {
  const t = usePostalT();
  const id = useId();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [drawn, setDrawn] = useState(value.image !== null);
  const latest = useRef(value);
  latest.current = value;

  // the canvas draws at the device's pixel size, so the line stays sharp on a phone
  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const ratio = window.devicePixelRatio || 1;
    c.width = Math.round(c.clientWidth * ratio);
    c.height = Math.round(c.clientHeight * ratio);
    const g = c.getContext('2d');
    if (!g) return;
    g.scale(ratio, ratio);
    g.lineWidth = 2.5;
    g.lineCap = 'round';
    g.lineJoin = 'round';
    g.strokeStyle = '#0b1f3a';
  }, []);

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    const g = e.currentTarget.getContext('2d');
    if (!g) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    drawing.current = true;
    const p = point(e);
    g.beginPath();
    g.moveTo(p.x, p.y);
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const g = e.currentTarget.getContext('2d');
    if (!g) return;
    const p = point(e);
    g.lineTo(p.x, p.y);
    g.stroke();
  };
  const up = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    drawing.current = false;
    setDrawn(true);
    onChange({ ...latest.current, image: e.currentTarget.toDataURL('image/png') });
  };
  const clear = () => {
    const c = canvas.current;
    c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
    setDrawn(false);
    onChange({ ...latest.current, image: null });
  };

  return (
    <fieldset className="signature">
      <legend>{legend}</legend>
      {fixedName
        ? <p className="signature__who">{t('signerIs', { name: value.name })}</p>
        : <Field label={t('signerName')} value={value.name} autoComplete="off" onChange={(e) => onChange({ ...value, name: e.target.value })} />}
      {withId && (
        <Field label={t('signerId')} value={value.personalId} inputMode="numeric" maxLength={12} autoComplete="off"
          hint={t('signerIdHint')} onChange={(e) => onChange({ ...value, personalId: e.target.value.replace(/\D/g, '') })} />
      )}
      <p id={`${id}-hint`} className="field__hint">{drawn ? t('signatureDone') : t('signatureHint')}</p>
      <canvas ref={canvas} className={drawn ? 'signature__pad signature__pad--drawn' : 'signature__pad'} role="img"
        aria-label={t('signaturePad', { who: legend })} aria-describedby={`${id}-hint`} data-testid="signature-pad"
        onPointerDown={down} onPointerMove={move} onPointerUp={up} onPointerLeave={up} />
      <Button kind="secondary" onClick={clear} disabled={!drawn}>{t('signatureClear')}</Button>
    </fieldset>
  );
}

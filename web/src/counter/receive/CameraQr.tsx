// "Quét mã QR bằng camera": the counter's webcam or the phone's back camera reads the CCCD's QR
// code (getUserMedia + @zxing/browser, loaded only when the clerk opens the camera, so the
// counter's page stays light); the decoded text goes to the same parser as the wedge scanner's.
import { useEffect, useRef, useState } from 'react';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { useScanT } from './scan-i18n';

interface Stoppable { stop(): void }

/** Why the camera could not be used, in words the clerk can act on. */
function cameraProblem(e: unknown): 'cameraDenied' | 'cameraMissing' | 'cameraBusy' | 'cameraFailed' {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'cameraDenied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'cameraMissing';
  if (name === 'NotReadableError' || name === 'AbortError') return 'cameraBusy';
  return 'cameraFailed';
}

/** Starts the decoder on the video; calls onText once with the first QR it reads. */
async function startDecoder(video: HTMLVideoElement, onText: (text: string) => void): Promise<Stoppable> {
  const [{ BrowserQRCodeReader }, { DecodeHintType }] = await Promise.all([import('@zxing/browser'), import('@zxing/library')]);
  // the CCCD's QR is UTF-8 without an ECI marker: say so, or Vietnamese names come out as Latin-1
  const reader = new BrowserQRCodeReader(new Map([[DecodeHintType.CHARACTER_SET, 'UTF-8']]), { delayBetweenScanAttempts: 150 });
  let done = false;
  return reader.decodeFromConstraints({ video: { facingMode: 'environment' }, audio: false }, video, (result, _error, controls) => {
    if (!result || done) return;
    done = true;
    controls.stop();
    onText(result.getText());
  });
}

export function CameraQr({ onText }: { readonly onText: (text: string) => void }) {
  const t = useScanT();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<ReturnType<typeof cameraProblem> | 'cameraInsecure' | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const latestOnText = useRef(onText);
  latestOnText.current = onText;

  useEffect(() => {
    const element = video.current;
    if (!open || !element) return;
    let controls: Stoppable | null = null;
    let closed = false;
    startDecoder(element, (text) => { if (!closed) { setOpen(false); latestOnText.current(text); } }).then(
      (c) => { if (closed) c.stop(); else controls = c; },
      (e: unknown) => { if (!closed) { setProblem(cameraProblem(e)); setOpen(false); } },
    );
    return () => { closed = true; controls?.stop(); };
  }, [open]);

  const start = () => {
    setProblem(null);
    // getUserMedia exists only on https or localhost: say so rather than fail silently
    if (!navigator.mediaDevices?.getUserMedia) { setProblem('cameraInsecure'); return; }
    setOpen(true);
  };

  return (
    <div className="camera-qr">
      {open
        ? <Button kind="secondary" onClick={() => setOpen(false)}>{t('cameraClose')}</Button>
        : <Button kind="secondary" onClick={start}>{t('cameraOpen')}</Button>}
      {open && (
        <div className="camera-qr__view">
          <video ref={video} muted playsInline aria-label={t('cameraVideo')} />
          <p className="field__hint">{t('cameraHint')}</p>
        </div>
      )}
      <Notice tone="error">{problem && t(problem)}</Notice>
    </div>
  );
}

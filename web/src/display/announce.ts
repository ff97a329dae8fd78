// The display's sound: a two-tone chime (Web Audio) and the call spoken in Vietnamese where the
// browser has speech synthesis (a Vietnamese voice when one is installed). Browsers allow sound
// only after a click, so `unlock` is called from the display's sound button.

let context: AudioContext | null = null;

export function unlockSound(): boolean {
  try {
    context ??= new AudioContext();
    void context.resume();
    return true;
  } catch {
    return false;
  }
}

function chime(): number {
  if (!context) return 0;
  const start = context.currentTime + 0.05;
  [660, 880].forEach((frequency, i) => {
    if (!context) return;
    const osc = context.createOscillator();
    const gain = context.createGain();
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + i * 0.45);
    gain.gain.exponentialRampToValueAtTime(0.4, start + i * 0.45 + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.45 + 0.42);
    osc.connect(gain).connect(context.destination);
    osc.start(start + i * 0.45);
    osc.stop(start + i * 0.45 + 0.45);
  });
  return 1000;
}

function vietnameseVoice(): SpeechSynthesisVoice | null {
  if (typeof speechSynthesis === 'undefined') return null;
  return speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith('vi')) ?? null;
}

/** Chimes, then says the sentence (in Vietnamese where a voice exists; the browser's default voice reads it otherwise). */
export function announce(sentence: string): void {
  const delay = chime();
  if (typeof speechSynthesis === 'undefined') return;
  window.setTimeout(() => {
    const utterance = new SpeechSynthesisUtterance(sentence);
    utterance.lang = 'vi-VN';
    const voice = vietnameseVoice();
    if (voice) utterance.voice = voice;
    utterance.rate = 0.9;
    speechSynthesis.speak(utterance);
  }, delay);
}

/**
 * A short two-tone chime made with the Web Audio API (AG2): no sound file to download. Browsers
 * only let audio start after a user gesture on the page; before that it stays silent.
 */
let context: AudioContext | null = null;

export function playChime(): void {
  const Ctor = window.AudioContext ?? (window as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctor) return;
  try {
    context ??= new Ctor();
    const start = context.currentTime;
    for (const [i, freq] of [880, 1320].entries()) {
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      const at = start + i * 0.12;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.2, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.18);
      osc.connect(gain).connect(context.destination);
      osc.start(at);
      osc.stop(at + 0.2);
    }
  } catch {
    // No audio device, or audio not allowed yet: the notification still shows.
  }
}

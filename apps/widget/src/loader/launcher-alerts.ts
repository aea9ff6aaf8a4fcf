/**
 * CH1: the minimised launcher tells of new agent messages: a count badge, and a short beep made
 * with WebAudio (no sound file to serve). Browsers let a page play sound only after the visitor
 * interacted with it; before that the beep is skipped rather than queued.
 */
export type LauncherAlerts = { setUnread(count: number): void; destroy(): void };

type AudioWindow = Window & { AudioContext?: typeof AudioContext; webkitAudioContext?: typeof AudioContext };

export function createLauncherAlerts(launcher: HTMLElement, win: Window, doc: Document): LauncherAlerts {
  const badge = doc.createElement('span');
  badge.id = 'switchboard-unread';
  badge.dataset.testid = 'widget-unread';
  badge.setAttribute('aria-hidden', 'true');
  badge.hidden = true;
  let shown = 0;
  let audio: AudioContext | null = null;

  function beep() {
    const activation = (win.navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation;
    if (!activation?.hasBeenActive) return;
    const Ctx = (win as AudioWindow).AudioContext ?? (win as AudioWindow).webkitAudioContext;
    if (!Ctx) return;
    try {
      audio ??= new Ctx();
      const ctx = audio;
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      const t = ctx.currentTime;
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.15, t + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.25);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t);
      osc.stop(t + 0.3);
      launcher.dataset.beeped = String(Number(launcher.dataset.beeped ?? 0) + 1);
    } catch {
      // No audio device, or the browser still refuses: the badge is enough.
    }
  }

  return {
    setUnread(count) {
      const n = Math.max(0, Math.floor(count));
      if (n > shown) beep();
      shown = n;
      badge.hidden = n === 0;
      badge.textContent = n > 99 ? '99+' : String(n);
      launcher.dataset.unread = String(n);
      // The launcher's innerHTML is redrawn on open/close: put the badge back each time.
      if (!badge.isConnected) launcher.appendChild(badge);
    },
    destroy() {
      badge.remove();
      void audio?.close();
    },
  };
}

export const BADGE_CSS = [
  '#switchboard-unread{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 5px;',
  'box-sizing:border-box;border-radius:10px;background:#d13438;color:#fff;',
  'font:600 12px/20px system-ui,sans-serif;text-align:center}',
  '#switchboard-unread[hidden]{display:none}',
].join('');

/**
 * The browser's own notification (AG2), only while the tab is hidden: a visible tab shows the
 * stack. Permission is asked on a user gesture (the mute toggle, an answer), never on load.
 */
export function askPermissionOnGesture(): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'default') return;
  void Notification.requestPermission().catch(() => undefined);
}

export function showWhileHidden(title: string, body: string, tag: string, onClick: () => void): void {
  if (typeof Notification === 'undefined' || !document.hidden || Notification.permission !== 'granted') return;
  try {
    const n = new Notification(title, { body, tag });
    n.onclick = () => {
      window.focus();
      onClick();
      n.close();
    };
  } catch {
    // Some browsers only allow notifications from a service worker: the tab title still counts.
  }
}

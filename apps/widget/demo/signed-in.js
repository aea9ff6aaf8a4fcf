// The shop's own page code for an authenticated chat (CH1, CH5; docs/widget-api.md). A real shop's
// server signs the token for its signed-in customer; here /demo/site-token plays that server.
(() => {
  const params = new URLSearchParams(location.search);
  const sub = params.get('sub') || 'CUST-1001';
  const expired = params.get('token') === 'expired';
  const names = { 'CUST-1001': 'Emma', 'CUST-1002': 'Lucas' };
  document.querySelector('[data-testid="signed-in-name"]').textContent = names[sub] || sub;

  async function siteToken() {
    const res = await fetch(`/demo/site-token?sub=${encodeURIComponent(sub)}${expired ? '&expired=1' : ''}`);
    if (!res.ok) throw new Error(`the shop could not sign you in (${res.status})`);
    return (await res.json()).token;
  }

  // An invalid or expired token is never a silent anonymous chat: the page hears an error event.
  window.addEventListener('switchboard:error', (event) => {
    const box = document.querySelector('[data-testid="sign-in-error"]');
    box.textContent = `Chat error (${event.detail.code}): ${event.detail.message}`;
    box.hidden = false;
  });

  const install = () => window.Switchboard.setAuthTokenProvider(siteToken);
  if (window.Switchboard) install();
  else window.addEventListener('switchboard:ready', install, { once: true });
})();

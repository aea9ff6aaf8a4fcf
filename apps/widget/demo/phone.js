// The demo phone: texts go to /demo/phone/api/send (the server posts them, signed, as the provider
// would), and the thread is what this number sent plus what the provider stand-ins delivered to it.
const $ = (id) => document.getElementById(id);
const channels = [];

async function api(path, init) {
  const res = await fetch(`/demo/phone/api/${path}`, init);
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.message ?? `HTTP ${res.status}`);
  return body;
}

function render(messages) {
  const list = $('messages');
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  list.replaceChildren(
    ...messages.map((m) => {
      const li = document.createElement('li');
      li.className = m.direction;
      li.dataset.testid = 'phone-message';
      li.textContent = m.text;
      const meta = document.createElement('small');
      const name = channels.find((c) => c.provider === m.provider)?.name ?? m.provider;
      meta.textContent = `${m.direction === 'in' ? 'to' : 'from'} ${name} · ${new Date(m.at).toLocaleTimeString()}`;
      li.append(meta);
      return li;
    }),
  );
  if (atBottom) list.scrollTop = list.scrollHeight;
}

async function refresh() {
  try {
    render(await api(`messages?number=${encodeURIComponent($('number').value)}`));
    $('error').textContent = '';
  } catch (err) {
    $('error').textContent = err.message;
  }
}

$('compose').addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = $('text').value;
  try {
    await api('send', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channelId: $('channel').value, from: $('number').value, text }),
    });
    $('text').value = '';
    await refresh();
  } catch (err) {
    $('error').textContent = err.message;
  }
});

channels.push(...(await api('channels')));
$('channel').replaceChildren(
  ...channels.map((c) =>
    Object.assign(document.createElement('option'), { value: c.id, textContent: `${c.number} · ${c.name}` }),
  ),
);
if (channels.length === 0) {
  $('error').textContent = 'This server has no demo SMS channels (start it with the demo data).';
}
setInterval(refresh, 1000);
await refresh();

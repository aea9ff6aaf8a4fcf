// The widget's JavaScript API on the demo pages (docs/widget-api.md): buttons that call it and a
// log of the events it sends. A real site would call the same methods from its own code.
(function () {
  'use strict';
  const win = globalThis;
  const panel = document.querySelector('[data-demo-api]');
  const log = document.querySelector('[data-testid=demo-event-log]');

  function note(text) {
    if (!log) return;
    const li = document.createElement('li');
    li.textContent = new Date().toLocaleTimeString() + '  ' + text;
    log.prepend(li);
  }

  // A link to the same shop on another origin: the other "site" (127.0.0.1 and localhost are two sites).
  const carry = document.querySelector('[data-testid=demo-carry-link]');
  if (carry) {
    const other = win.location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    carry.href =
      win.location.protocol + '//' + other + (win.location.port ? ':' + win.location.port : '') + '/demo/site-b.html';
  }

  function withApi(sb) {
    ['ready', 'chatStarted', 'chatEnded', 'messageReceived', 'unreadCount', 'error'].forEach(function (name) {
      sb.on(name, function (detail) {
        note(name + ' ' + JSON.stringify(detail));
      });
    });
    // Every page tells the widget it was visited: the agent sees it in the visitor's journey.
    sb.trackPageVisited(win.location.href, document.title);
    if (!panel) return;
    const own = panel.querySelector('form');
    if (own)
      own.addEventListener('submit', function (event) {
        event.preventDefault();
      });
    panel.addEventListener('click', function (event) {
      const button = event.target.closest('button[data-action]');
      if (!button) return;
      const form = panel.querySelector('form');
      const value = function (name) {
        return form.elements[name].value;
      };
      switch (button.dataset.action) {
        case 'search':
          sb.trackSearch(value('query'), 3);
          return note('trackSearch(' + JSON.stringify(value('query')) + ', 3)');
        case 'article':
          sb.trackArticleViewed('kb-oak-care', 'Caring for solid oak');
          return note('trackArticleViewed("kb-oak-care", "Caring for solid oak")');
        case 'custom':
          sb.trackCustomAction('added-to-cart', { product: 'Linden dining table', price: 1290 });
          return note('trackCustomAction("added-to-cart", …)');
        case 'start': {
          const customContext = {
            name: value('name'),
            email: value('email'),
            question: value('question'),
            plan: 'gold',
          };
          sb.startChat({ customContext: customContext });
          return note('startChat({ customContext })');
        }
        case 'end':
          sb.endChat();
          return note('endChat()');
      }
    });
  }

  if (win.Switchboard) withApi(win.Switchboard);
  else
    win.addEventListener(
      'switchboard:ready',
      function () {
        withApi(win.Switchboard);
      },
      { once: true },
    );
})();

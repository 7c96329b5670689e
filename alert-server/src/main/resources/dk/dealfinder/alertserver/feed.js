// Live alert feed. Alert fields are scraped listing text and therefore untrusted: they are only
// ever placed with textContent or a checked setAttribute, never parsed as markup.
'use strict';

(function () {
  const MAX_CARDS = 200;
  const feed = document.getElementById('feed');
  const empty = document.getElementById('empty');
  const status = document.getElementById('status');
  const seen = new Set();
  const number = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
  const time = new Intl.DateTimeFormat('da-DK', { dateStyle: 'short', timeStyle: 'short' });

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  // Only http(s) links: a javascript: or data: URL in a listing must not become clickable.
  function webUrl(text) {
    try {
      const url = new URL(String(text));
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  // 1250 -> "1.250 kr."
  function price(amount, currency) {
    if (typeof amount !== 'number') {
      return 'Pris ikke oplyst';
    }
    const unit = !currency || currency === 'DKK' ? 'kr.' : String(currency);
    return number.format(amount) + ' ' + unit;
  }

  function when(millis) {
    return typeof millis === 'number' && millis > 0 ? time.format(new Date(millis)) : '';
  }

  function card(alert) {
    const article = element('article', 'card');
    article.dataset.alertId = String(alert.alertId);
    const heading = element('h2');
    const href = webUrl(alert.url);
    if (href) {
      const link = element('a', null, alert.title);
      link.setAttribute('href', href);
      link.setAttribute('target', '_blank');
      link.setAttribute('rel', 'noopener noreferrer');
      heading.appendChild(link);
    } else {
      heading.textContent = String(alert.title);
    }
    const meta = element('div', 'meta');
    meta.appendChild(element('span', 'price', price(alert.price, alert.currency)));
    const score = typeof alert.score === 'number' ? Math.round(alert.score) : '?';
    meta.appendChild(element('span', 'score', 'score ' + score));
    meta.appendChild(element('span', 'query', alert.queryName || alert.queryId));
    const created = element('time', null, when(alert.createdAt));
    if (typeof alert.createdAt === 'number') {
      created.setAttribute('datetime', new Date(alert.createdAt).toISOString());
    }
    meta.appendChild(created);
    article.appendChild(heading);
    article.appendChild(meta);
    if (alert.explanation) {
      article.appendChild(element('p', 'explanation', alert.explanation));
    }
    return article;
  }

  function show(alert) {
    if (!alert || seen.has(alert.alertId)) {
      return;
    }
    seen.add(alert.alertId);
    empty.hidden = true;
    feed.prepend(card(alert));
    while (feed.childElementCount > MAX_CARDS) {
      seen.delete(feed.lastElementChild.dataset.alertId);
      feed.lastElementChild.remove();
    }
  }

  // After a reconnect the browser sends Last-Event-ID and the server resumes after it.
  const source = new EventSource('/api/alerts/stream?replay=50');
  source.addEventListener('open', function () {
    status.textContent = 'live';
  });
  source.addEventListener('alert', function (event) {
    try {
      show(JSON.parse(event.data));
    } catch (e) {
      console.warn('ignoring an unreadable alert', e);
    }
  });
  // Both the server's "event: error" (with a reason) and connection errors arrive here.
  source.addEventListener('error', function (event) {
    status.textContent = event.data ? 'afbrudt, forbinder igen…' : 'forbinder igen…';
  });
})();

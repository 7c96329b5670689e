// The dashboard's own script: live alert toasts over Server-Sent Events, closing the detail
// panel, and similar listings. Alert and listing fields are scraped text and therefore untrusted:
// they are only ever placed with textContent or a checked setAttribute, never parsed as markup.
'use strict';

(function () {
  const MAX_TOASTS = 4;
  const TOAST_MILLIS = 30000;
  const number = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });

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

  // 1250 -> "1.250 kr.", as the server renders prices.
  function price(amount, currency) {
    if (typeof amount !== 'number') {
      return 'Ingen pris';
    }
    if (amount === 0) {
      return 'Gives væk';
    }
    const unit = !currency || currency === 'DKK' ? 'kr.' : String(currency);
    return number.format(amount) + ' ' + unit;
  }

  function detailPath(listingKey) {
    return '/listings/' + encodeURIComponent(String(listingKey));
  }

  // A link to our own detail page; the click handler below opens it in the panel when there is one.
  function detailLink(listingKey, text) {
    const link = element('a', 'detail-link', text);
    link.setAttribute('href', detailPath(listingKey));
    return link;
  }

  function openDetail(href) {
    const panel = document.getElementById('detail');
    if (!panel || !window.htmx) {
      window.location.assign(href);
      return;
    }
    window.htmx.ajax('GET', href, '#detail');
  }

  function closeDetail() {
    const panel = document.getElementById('detail');
    if (panel) {
      panel.replaceChildren();
    } else {
      window.location.assign('/');
    }
  }

  document.addEventListener('click', function (event) {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) {
      return;
    }
    if (target.closest('[data-close-detail]')) {
      closeDetail();
      return;
    }
    const link = target.closest('a.detail-link');
    if (link && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      event.preventDefault();
      openDetail(link.getAttribute('href'));
    }
  });

  // Keyboard and screen-reader users land on the panel they opened.
  document.addEventListener('htmx:afterSwap', function (event) {
    const title = event.target instanceof Element && event.target.id === 'detail'
      ? event.target.querySelector('#listing-title')
      : null;
    if (title) {
      title.focus();
    }
  });

  document.addEventListener('keydown', function (event) {
    const panel = document.getElementById('detail');
    if (event.key === 'Escape' && panel && panel.childElementCount > 0) {
      closeDetail();
    }
  });

  // The filters come unfolded (so they work without script); on a phone they would push the
  // results off the first screen, so they fold away unless a filter is in use.
  const filters = document.querySelector('details.filter-toggle[data-fold-on-phone]');
  if (filters && window.matchMedia('(max-width: 52rem)').matches) {
    filters.open = false;
  }

  // ---- live alerts as toasts ----

  const toasts = document.getElementById('toasts');
  const status = document.getElementById('live-status');
  const seen = new Set();

  function toast(alert) {
    const box = element('div', 'toast');
    box.dataset.alertId = String(alert.alertId);
    box.appendChild(element('p', 'toast-query', 'Nyt tilbud · ' + (alert.queryName || alert.queryId || '')));
    const title = element('p', 'toast-title');
    title.appendChild(detailLink(alert.listingKey, alert.title));
    box.appendChild(title);
    const score = typeof alert.score === 'number' ? Math.round(alert.score) : '?';
    box.appendChild(element('p', 'toast-meta', price(alert.price, alert.currency) + ' · score ' + score));
    const close = element('button', 'toast-close', 'Luk');
    close.setAttribute('type', 'button');
    close.addEventListener('click', function () {
      box.remove();
    });
    box.appendChild(close);
    return box;
  }

  function show(alert) {
    if (!toasts || !alert || !alert.listingKey || seen.has(alert.alertId)) {
      return;
    }
    seen.add(alert.alertId);
    const box = toast(alert);
    toasts.prepend(box);
    while (toasts.childElementCount > MAX_TOASTS) {
      toasts.lastElementChild.remove();
    }
    window.setTimeout(function () {
      if (!box.matches(':hover, :focus-within')) {
        box.remove();
      }
    }, TOAST_MILLIS);
  }

  if (toasts && window.EventSource) {
    // After a reconnect the browser sends Last-Event-ID and the server resumes after it.
    const source = new EventSource('/api/alerts/stream');
    source.addEventListener('open', function () {
      if (status) {
        status.textContent = 'live';
      }
    });
    source.addEventListener('alert', function (event) {
      try {
        show(JSON.parse(event.data));
      } catch (e) {
        console.warn('ignoring an unreadable alert', e);
      }
    });
    source.addEventListener('error', function () {
      if (status) {
        status.textContent = 'forbinder igen…';
      }
    });
  }

  // ---- similar listings in the detail panel (only rendered when similar search is on) ----

  function loadSimilar(section) {
    section.dataset.loaded = 'true';
    const key = section.dataset.similarListing;
    const placeholder = section.querySelector('.empty');
    fetch('/api/similar?limit=6&listing=' + encodeURIComponent(key), {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('status ' + response.status);
        }
        return response.json();
      })
      .then(function (answer) {
        const hits = (answer.results || []).filter(function (hit) {
          return hit.listingKey && hit.listingKey !== key;
        });
        if (hits.length === 0) {
          placeholder.textContent = 'Ingen lignende annoncer fundet.';
          return;
        }
        const list = element('ul', 'rows');
        hits.forEach(function (hit) {
          const item = element('li');
          item.appendChild(detailLink(hit.listingKey, hit.title || hit.listingKey));
          const amount = typeof hit.price === 'number' ? Math.round(hit.price) : null;
          item.appendChild(element('span', 'price', ' ' + price(amount, hit.currency)));
          list.appendChild(item);
        });
        placeholder.replaceWith(list);
      })
      .catch(function () {
        placeholder.textContent = 'Lignende annoncer kan ikke hentes lige nu.';
      });
  }

  function findSimilar(root) {
    root.querySelectorAll('[data-similar-listing]:not([data-loaded])').forEach(loadSimilar);
  }

  document.addEventListener('htmx:afterSettle', function (event) {
    findSimilar(event.target instanceof Element ? event.target : document);
  });
  findSimilar(document);
})();

// The console's only script (served by the gateway; the CSP allows no inline script).
// Live pages (body[data-live]) listen to /console/events and, on any change, fetch the page again
// with the session and swap in its #live section. Nothing else runs.
(function () {
  'use strict';
  var body = document.body;
  if (!body || body.getAttribute('data-live') !== 'true' || !window.EventSource) {
    return;
  }
  var pending = null;
  function refresh() {
    pending = null;
    fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('live');
        var current = document.getElementById('live');
        if (fresh && current) {
          current.replaceWith(document.importNode(fresh, true));
          body.setAttribute('data-refreshed', new Date().toISOString());
        }
      })
      .catch(function () { /* the next event tries again */ });
  }
  var events = new EventSource('/console/events');
  events.onmessage = function () {
    // several changes in a burst (a notice to many recipients) cost one fetch
    if (pending === null) {
      pending = window.setTimeout(refresh, 400);
    }
  };
}());

// Culex dashboard: plain JavaScript, no libraries. Polls the JSON API every 2 s with the credentials kept in
// sessionStorage (gone when the tab closes) and draws its charts on canvas by hand.
(function () {
  'use strict';

  var POLL_MS = 2000;
  var HISTORY = 60; // points per chart: two minutes at one point per poll
  var CREDENTIALS_KEY = 'culex.authorization';

  var state = { timer: null, previous: null, tab: 'overview', series: { received: [], sent: [], clients: [], accepted: [] } };

  function $(id) { return document.getElementById(id); }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }

  // ---- API ----

  function authorization() { return sessionStorage.getItem(CREDENTIALS_KEY); }

  function api(method, path, body) {
    var headers = { 'Authorization': authorization() || '', 'X-Requested-With': 'culex-dashboard' };
    var options = { method: method, headers: headers, cache: 'no-store' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    return fetch(path, options).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (response.status === 401) { signOut('Your session has ended: sign in again.'); }
        if (!response.ok) {
          var error = new Error(json.error || ('HTTP ' + response.status));
          error.status = response.status;
          throw error;
        }
        return json;
      });
    });
  }

  // ---- sign in ----

  function signIn(event) {
    event.preventDefault();
    var token = $('login-token').value.trim();
    var user = $('login-user').value;
    var value = token ? 'Bearer ' + token
      : 'Basic ' + btoa(unescape(encodeURIComponent(user + ':' + $('login-password').value)));
    sessionStorage.setItem(CREDENTIALS_KEY, value);
    $('login-error').textContent = '';
    api('GET', '/api/v1/stats').then(function () {
      $('login-password').value = '';
      $('login-token').value = '';
      start();
    }).catch(function (error) {
      sessionStorage.removeItem(CREDENTIALS_KEY);
      $('login-error').textContent = error.status === 403 ? 'This user is not an administrator.'
        : error.status === 429 ? 'Too many failed attempts: wait a minute.' : 'Wrong username, password or token.';
    });
  }

  function signOut(message) {
    sessionStorage.removeItem(CREDENTIALS_KEY);
    clearInterval(state.timer);
    state.timer = null;
    $('app').hidden = true;
    $('tabs').hidden = true;
    $('logout').hidden = true;
    $('login').hidden = false;
    $('login-error').textContent = message || '';
  }

  function start() {
    $('login').hidden = true;
    $('app').hidden = false;
    $('tabs').hidden = false;
    $('logout').hidden = false;
    showTab((location.hash || '#overview').slice(1));
    refresh();
    clearInterval(state.timer);
    state.timer = setInterval(refresh, POLL_MS);
  }

  // ---- tabs ----

  function showTab(name) {
    if (!$('tab-' + name)) { name = 'overview'; }
    state.tab = name;
    var tabs = document.querySelectorAll('.tab');
    for (var i = 0; i < tabs.length; i++) { tabs[i].hidden = tabs[i].id !== 'tab-' + name; }
    var links = document.querySelectorAll('nav a');
    for (var j = 0; j < links.length; j++) { links[j].classList.toggle('active', links[j].dataset.tab === name); }
    refreshTab();
  }

  function refresh() {
    api('GET', '/api/v1/stats').then(showStats).then(function () {
      $('status-line').textContent = 'Updated ' + new Date().toLocaleTimeString();
    }).catch(function (error) { $('status-line').textContent = 'Update failed: ' + error.message; });
    refreshTab();
  }

  function refreshTab() {
    if (!authorization()) { return; }
    if (state.tab === 'overview') { loadListeners(); countBridges(); }
    if (state.tab === 'clients') { loadClients(); }
    if (state.tab === 'subscriptions') { loadSubscriptions(); }
    if (state.tab === 'bridges') { loadBridges(); }
  }

  // ---- overview ----

  function push(series, value) {
    series.push(value);
    if (series.length > HISTORY) { series.shift(); }
  }

  function showStats(stats) {
    $('broker-version').textContent = stats.version;
    $('stat-clients').textContent = stats.clients.connected;
    $('stat-received').textContent = stats.messages.received;
    $('stat-sent').textContent = stats.messages.sent;
    $('stat-dropped').textContent = stats.messages.dropped;
    $('stat-subscriptions').textContent = stats.subscriptions;
    $('stat-retained').textContent = stats.retained.messages;
    $('stat-offline').textContent = stats.clients.disconnected;
    $('stat-uptime').textContent = duration(stats.uptimeSeconds);
    var now = Date.now();
    var previous = state.previous;
    if (previous) {
      var seconds = Math.max(0.001, (now - previous.at) / 1000);
      push(state.series.received, (stats.messages.received - previous.received) / seconds);
      push(state.series.sent, (stats.messages.sent - previous.sent) / seconds);
      push(state.series.accepted, (stats.connections.accepted - previous.accepted) / seconds);
    }
    push(state.series.clients, stats.clients.connected);
    state.previous = { at: now, received: stats.messages.received, sent: stats.messages.sent,
      accepted: stats.connections.accepted };
    if (state.tab === 'overview') {
      drawChart($('chart-messages'), [state.series.received, state.series.sent]);
      drawChart($('chart-connections'), [state.series.clients, state.series.accepted]);
    }
  }

  function duration(seconds) {
    var d = Math.floor(seconds / 86400), h = Math.floor(seconds % 86400 / 3600);
    var m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
    return d ? d + 'd ' + h + 'h' : h ? h + 'h ' + m + 'm' : m ? m + 'm ' + s + 's' : s + 's';
  }

  // A line chart with a scale that fits its data: grid, axis labels and one line per series.
  function drawChart(canvas, seriesList) {
    var ratio = window.devicePixelRatio || 1;
    var width = canvas.clientWidth, height = canvas.clientHeight || 180;
    if (canvas.width !== Math.round(width * ratio)) { canvas.width = Math.round(width * ratio); }
    canvas.height = Math.round(height * ratio);
    var g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, height);
    var max = 1;
    seriesList.forEach(function (series) { series.forEach(function (v) { if (v > max) { max = v; } }); });
    max = niceCeiling(max);
    var left = 40, right = 8, top = 8, bottom = 18;
    var plotW = width - left - right, plotH = height - top - bottom;
    g.font = '11px system-ui, sans-serif';
    g.fillStyle = '#64748b';
    g.strokeStyle = '#e2e8f0';
    g.lineWidth = 1;
    for (var i = 0; i <= 4; i++) {
      var y = top + plotH - plotH * i / 4;
      g.beginPath(); g.moveTo(left, y + 0.5); g.lineTo(width - right, y + 0.5); g.stroke();
      g.fillText(format(max * i / 4), 4, y + 4);
    }
    g.fillText('−' + Math.round(HISTORY * POLL_MS / 1000) + ' s', left, height - 4);
    g.fillText('now', width - right - 22, height - 4);
    var colors = ['#0d9488', '#6366f1'];
    seriesList.forEach(function (series, index) {
      if (series.length < 2) { return; }
      g.strokeStyle = colors[index];
      g.lineWidth = 2;
      g.beginPath();
      series.forEach(function (value, n) {
        var x = left + plotW * (n + HISTORY - series.length) / (HISTORY - 1);
        var y = top + plotH - plotH * value / max;
        if (n === 0) { g.moveTo(x, y); } else { g.lineTo(x, y); }
      });
      g.stroke();
    });
  }

  function niceCeiling(value) {
    var power = Math.pow(10, Math.floor(Math.log10(value)));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) { if (steps[i] * power >= value) { return steps[i] * power; } }
    return 10 * power;
  }

  function format(value) { return value >= 10 || value === 0 ? String(Math.round(value)) : value.toFixed(1); }

  function bytes(n) {
    var units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'], i = 0;
    while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
    return (i ? n.toFixed(1) : n) + ' ' + units[i];
  }

  function loadListeners() {
    api('GET', '/api/v1/listeners').then(function (json) {
      var body = $('listeners-table').tBodies[0];
      body.replaceChildren();
      json.listeners.forEach(function (l) {
        var row = el('tr');
        row.append(el('td', l.protocol + (l.tls ? ' (TLS)' : '')), el('td', l.address + ':' + l.port),
          el('td', l.protocol === 'http_api' ? '–' : l.clientsConnected),
          el('td', l.protocol === 'http_api' ? '–' : l.connectionsAccepted),
          el('td', bytes(l.bytesReceived)), el('td', bytes(l.bytesSent)));
        body.append(row);
      });
    }).catch(function () {});
  }

  // ---- clients ----

  function loadClients() {
    var search = $('client-search').value.trim();
    // One search box: the API filters id, username and address separately, so ask for each and merge.
    var queries = search ? ['id', 'username', 'address'].map(function (field) {
      return api('GET', '/api/v1/clients?size=200&' + field + '=' + encodeURIComponent(search));
    }) : [api('GET', '/api/v1/clients?size=200')];
    Promise.all(queries).then(function (pages) {
      var byId = {};
      pages.forEach(function (page) { page.clients.forEach(function (c) { byId[c.clientId] = c; }); });
      var clients = Object.keys(byId).sort().map(function (id) { return byId[id]; });
      var body = $('clients-table').tBodies[0];
      body.replaceChildren();
      clients.forEach(function (c) {
        var row = el('tr', null, 'clickable');
        row.dataset.clientId = c.clientId;
        var state = el('td');
        state.append(el('span', c.connected ? 'online ' + duration(c.connectedSeconds) : 'offline',
          'pill ' + (c.connected ? 'on' : 'off')));
        var action = el('td');
        if (c.connected) {
          var button = el('button', 'Disconnect', 'danger disconnect');
          button.addEventListener('click', function (event) {
            event.stopPropagation();
            disconnect(c.clientId);
          });
          action.append(button);
        }
        row.append(el('td', c.clientId), el('td', c.username || ''), el('td', c.address || ''),
          el('td', c.protocol || ''), state, action);
        row.addEventListener('click', function () { showClient(c.clientId); });
        body.append(row);
      });
      $('clients-count').textContent = clients.length + (clients.length === 1 ? ' client' : ' clients');
    }).catch(function () {});
  }

  function disconnect(clientId) {
    api('POST', '/api/v1/clients/' + encodeURIComponent(clientId) + '/disconnect').then(function () {
      $('status-line').textContent = 'Disconnected ' + clientId;
      setTimeout(loadClients, 300);
    }).catch(function (error) { $('status-line').textContent = error.message; });
  }

  function showClient(clientId) {
    api('GET', '/api/v1/clients/' + encodeURIComponent(clientId)).then(function (c) {
      var card = $('client-detail');
      card.replaceChildren(el('h2', c.clientId));
      var list = el('dl');
      var s = c.session;
      [['State', c.connected ? 'connected since ' + new Date(c.connectedSince).toLocaleString() : 'offline'],
        ['Address', c.address], ['Username', c.username], ['MQTT', c.protocol], ['Keepalive', c.keepAlive],
        ['Persistent session', s.persistent ? 'yes' : 'no'], ['In flight', s.inflight],
        ['Queued', s.queued + ' (' + bytes(s.queuedBytes) + ')'], ['Awaiting PUBREL', s.awaitingRelease]]
        .forEach(function (pair) {
          if (pair[1] === undefined || pair[1] === null) { return; }
          list.append(el('dt', pair[0]), el('dd', pair[1]));
        });
      card.append(list, el('h2', 'Subscriptions'));
      var table = el('table');
      s.subscriptions.forEach(function (sub) {
        var row = el('tr');
        row.append(el('td', sub.filter), el('td', 'QoS ' + sub.qos));
        table.append(row);
      });
      if (!s.subscriptions.length) { card.append(el('p', 'None.', 'muted')); } else { card.append(table); }
      card.hidden = false;
    }).catch(function (error) { $('status-line').textContent = error.message; });
  }

  // ---- subscriptions ----

  function loadSubscriptions() {
    var filter = $('subscription-search').value.trim();
    api('GET', '/api/v1/subscriptions?size=500' + (filter ? '&filter=' + encodeURIComponent(filter) : ''))
      .then(function (json) {
        var body = $('subscriptions-table').tBodies[0];
        body.replaceChildren();
        json.subscriptions.forEach(function (s) {
          var options = [s.noLocal ? 'no local' : '', s.retainAsPublished ? 'retain as published' : '']
            .filter(Boolean).join(', ');
          var row = el('tr');
          row.append(el('td', s.clientId), el('td', s.filter), el('td', s.qos), el('td', options));
          body.append(row);
        });
      }).catch(function () {});
  }

  // ---- retained ----

  function browseRetained(event) {
    if (event) { event.preventDefault(); }
    var filter = $('retained-filter').value.trim() || '#';
    $('retained-error').textContent = '';
    api('GET', '/api/v1/retained?size=500&filter=' + encodeURIComponent(filter)).then(function (json) {
      var body = $('retained-table').tBodies[0];
      body.replaceChildren();
      json.messages.forEach(function (m) {
        var row = el('tr');
        row.dataset.topic = m.topic;
        var remove = el('button', 'Delete', 'danger');
        remove.addEventListener('click', function () {
          api('DELETE', '/api/v1/retained?topic=' + encodeURIComponent(m.topic)).then(function () {
            browseRetained();
          }).catch(function (error) { $('retained-error').textContent = error.message; });
        });
        var action = el('td');
        action.append(remove);
        row.append(el('td', m.topic), el('td', m.encoding === 'base64' ? '(base64) ' + m.payload : m.payload, 'payload'),
          el('td', m.qos), el('td', bytes(m.size)), action);
        body.append(row);
      });
      if (!json.messages.length) { $('retained-error').textContent = 'No retained message matches ' + filter + '.'; }
    }).catch(function (error) { $('retained-error').textContent = error.message; });
  }

  // ---- publish ----

  function publish(event) {
    event.preventDefault();
    var message = { topic: $('publish-topic').value, payload: $('publish-payload').value,
      qos: Number($('publish-qos').value), retain: $('publish-retain').checked };
    api('POST', '/api/v1/publish', message).then(function (result) {
      $('publish-result').className = '';
      $('publish-result').textContent = 'Published to ' + result.topic + ': delivered to ' + result.deliveredTo
        + (result.deliveredTo === 1 ? ' subscriber.' : ' subscribers.');
      refresh();
    }).catch(function (error) {
      $('publish-result').className = 'error';
      $('publish-result').textContent = error.message;
    });
  }

  // ---- bridges ----

  // The badge's colour: green connected, amber on the way there, grey idle or stopped.
  var BRIDGE_STATES = { connected: 'on', connecting: 'wait', waiting_to_retry: 'wait', idle: 'off', stopped: 'off' };

  function loadBridges() {
    api('GET', '/api/v1/bridges').then(function (json) {
      var body = $('bridges-table').tBodies[0];
      body.replaceChildren();
      json.bridges.forEach(function (b) {
        var row = el('tr');
        row.dataset.bridge = b.name;
        var stateCell = el('td');
        stateCell.append(el('span', b.state.replace(/_/g, ' '), 'pill ' + (BRIDGE_STATES[b.state] || 'off')));
        var since = el('td', b.connectedSince ? new Date(b.connectedSince).toLocaleString() : '–');
        if (b.connectedSince) { since.title = b.connectedSince; }
        var error = el('td', b.lastError || '', 'last-error');
        row.append(el('td', b.name), el('td', b.address || ''), stateCell, since, el('td', b.messagesSent),
          el('td', b.messagesReceived), el('td', b.queued), el('td', b.dropped), error);
        body.append(row);
      });
      $('bridges-empty').hidden = json.bridges.length > 0;
    }).catch(function () {});
  }

  function countBridges() {
    api('GET', '/api/v1/bridges').then(function (json) {
      var connected = json.bridges.filter(function (b) { return b.state === 'connected'; }).length;
      $('stat-bridges').textContent = json.bridges.length ? connected + ' / ' + json.bridges.length : 'none';
    }).catch(function () {});
  }

  // ---- wiring ----

  $('login-form').addEventListener('submit', signIn);
  $('logout').addEventListener('click', function () { signOut(''); });
  $('retained-form').addEventListener('submit', browseRetained);
  $('publish-form').addEventListener('submit', publish);
  $('client-search').addEventListener('input', loadClients);
  $('subscription-search').addEventListener('input', loadSubscriptions);
  window.addEventListener('hashchange', function () { showTab(location.hash.slice(1)); });
  window.addEventListener('resize', function () {
    drawChart($('chart-messages'), [state.series.received, state.series.sent]);
    drawChart($('chart-connections'), [state.series.clients, state.series.accepted]);
  });
  if (authorization()) { start(); }
}());

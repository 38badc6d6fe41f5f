/**
 * The inspector page's client script: plain ES2017 run by the browser as an inline `<script>`, with no build step,
 * no framework and no external URL. It talks only to the control API (`/__admin`, same origin, found next to the
 * page's own path) with `fetch`, sends the namespace field as `x-wxvoip-namespace`, refreshes every second while the
 * page is visible and after every action, and shows control-API problems (RFC 7807) in the error line.
 *
 * Every value from the platform reaches the DOM through `createTextNode` or `setAttribute` (see `el`), never as
 * markup. The source holds no backtick and no `${`, so it embeds in a TypeScript string as written.
 */
export const INSPECTOR_SCRIPT = String.raw`
(function () {
  'use strict';

  /** The page is served at <base>/__inspector; the control API lives at <base>/__admin. */
  var CONTROL = location.pathname.replace(/\/__inspector\/?$/, '') + '/__admin';
  /** How many journal entries the page shows (the newest ones). */
  var JOURNAL_SIZE = 100;
  /** Refresh period while the page is visible. */
  var REFRESH_MS = 1000;
  /** A journal since larger than any seq: the answer is empty and its lastSeq is the newest seq. */
  var AFTER_EVERYTHING = 9007199254740991;

  var view = {
    namespace: new URLSearchParams(location.search).get('namespace') || '',
    selectedRoomId: null,
    generation: 0,
    refreshing: null,
    errorSource: null,
  };

  function $(testId) {
    return document.querySelector('[data-testid="' + testId + '"]');
  }

  /** Builds an element; attribute values and text children are set as data, never parsed as markup. */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value !== undefined && value !== null && value !== false) node.setAttribute(key, String(value));
    });
    (children || []).forEach(function (child) {
      if (child === undefined || child === null) return;
      node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
    });
    return node;
  }

  function replaceChildren(node, children) {
    while (node.firstChild) node.removeChild(node.firstChild);
    children.forEach(function (child) { node.appendChild(child); });
  }

  function iso(ms) {
    return typeof ms === 'number' ? new Date(ms).toISOString() : '';
  }

  // ---- errors -------------------------------------------------------------------------------------------

  /** Shows one error (what failed and the problem's detail); source 'action' or 'refresh'. */
  function showError(message, source) {
    $('error').textContent = message;
    $('error-line').hidden = false;
    view.errorSource = source;
  }

  function clearError(source) {
    if (source !== 'action' && view.errorSource !== source) return;
    $('error').textContent = '';
    $('error-line').hidden = true;
    view.errorSource = null;
  }

  /** Words for a failed control request: method, path, status, and the problem's title, detail and field issues. */
  function problemMessage(method, path, status, problem) {
    var text = method + ' ' + CONTROL + path + ' answered ' + status;
    if (problem && typeof problem === 'object' && typeof problem.detail === 'string') {
      text += (typeof problem.title === 'string' ? ' ' + problem.title : '') + ': ' + problem.detail;
      if (Array.isArray(problem.errors) && problem.errors.length > 0) {
        text += ' (' + problem.errors.map(function (issue) { return (issue.path ? issue.path + ': ' : '') + issue.message; }).join('; ') + ')';
      }
    } else {
      text += ': the answer was not a problem document; check that this page is served by the mock platform';
    }
    return text;
  }

  // ---- the control API ----------------------------------------------------------------------------------

  /** One control request; resolves the JSON body, rejects with an Error whose message says what went wrong. */
  function control(method, path, body, retried) {
    var headers = { accept: 'application/json, application/problem+json' };
    if (view.namespace) headers['x-wxvoip-namespace'] = view.namespace;
    var adminToken = storedAdminToken();
    if (adminToken) headers['x-wxvoip-admin-token'] = adminToken;
    var init = { method: method, headers: headers, cache: 'no-store' };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(CONTROL + path, init).then(
      function (res) {
        // A platform started with an admin token: ask for it once, keep it for this tab, and try again.
        if (res.status === 401 && !retried && askAdminToken()) return control(method, path, body, true);
        return res.text().then(function (text) {
          var data = null;
          try { data = text ? JSON.parse(text) : null; } catch (ignored) { data = null; }
          if (!res.ok) throw new Error(problemMessage(method, path, res.status, data));
          return data;
        });
      },
      function (reason) {
        throw new Error(method + ' ' + CONTROL + path + ' got no answer (' + (reason && reason.message ? reason.message : String(reason)) + '): is the mock platform still running?');
      },
    );
  }

  /** The admin token this tab was given, if any. */
  function storedAdminToken() {
    try { return window.sessionStorage.getItem('wxvoip-admin-token') || ''; } catch (ignored) { return ''; }
  }

  /** Asks for the admin token (once per tab); true when one was given. */
  function askAdminToken() {
    if (askAdminToken.asked) return false;
    askAdminToken.asked = true;
    var token = window.prompt('This mock platform needs its admin token (--admin-token or WXVOIP_ADMIN_TOKEN):');
    if (!token) return false;
    try { window.sessionStorage.setItem('wxvoip-admin-token', token); } catch (ignored) { /* private mode */ }
    return true;
  }

  function roomPath(roomId, rest) {
    return '/rooms/' + encodeURIComponent(roomId) + (rest || '');
  }

  // ---- rendering ----------------------------------------------------------------------------------------

  function renderClock(clock) {
    $('clock-mode').textContent = clock.mode;
    var now = $('clock-now');
    now.textContent = iso(clock.now);
    now.setAttribute('data-now', String(clock.now));
    var pending = clock.pending.map(function (timer) {
      var inSec = ((timer.dueAt - clock.now) / 1000).toFixed(1);
      return el('li', {}, [timer.kind + ' in ' + inSec + ' s' + (timer.roomId ? ' (room ' + timer.roomId + ')' : '') + (timer.detail ? ': ' + timer.detail : '')]);
    });
    if (pending.length === 0) pending.push(el('li', { class: 'muted' }, ['no pending timers']));
    replaceChildren($('clock-pending'), pending);
  }

  function member(end) {
    return el('span', { title: end.partyId ? 'party ' + end.partyId : 'no party connected for this end' }, [
      end.kind + ' ' + end.id + (end.name ? ' (' + end.name + ')' : '') + (end.joinedAt !== null ? ' · joined' : ''),
    ]);
  }

  /** The simulate buttons of one live room: what it sends is what the control contract declares. */
  var ACTIONS = [
    { id: 'answer', label: 'Answer', path: '/simulate/answer', body: {} },
    { id: 'reject', label: 'Reject', path: '/simulate/reject', body: {} },
    { id: 'hang-up-caller', label: 'Hang up (caller)', path: '/simulate/hang-up', body: { side: 'caller' } },
    { id: 'hang-up-listener', label: 'Hang up (listener)', path: '/simulate/hang-up', body: { side: 'listener' } },
    { id: 'go-offline-listener', label: 'Go offline (listener)', path: '/simulate/go-offline', body: { side: 'listener' } },
  ];

  function roomButtons(room) {
    if (room.state === 'ended') return [];
    return ACTIONS.map(function (action) {
      var button = el('button', { type: 'button', 'data-testid': action.id + '-' + room.roomId }, [action.label]);
      button.addEventListener('click', function (event) {
        event.stopPropagation();
        act('POST', roomPath(room.roomId, action.path), action.body);
      });
      return button;
    });
  }

  function renderRooms(rooms) {
    var rows = rooms.map(function (room) {
      var row = el('tr', { 'data-testid': 'room-' + room.roomId, class: 'clickable' + (room.roomId === view.selectedRoomId ? ' selected' : ''), title: 'show the timeline' }, [
        el('td', { class: 'mono' }, [room.roomId]),
        el('td', {}, [room.roomType + ' · ' + room.direction + ' · ' + room.transport]),
        el('td', { 'data-testid': 'room-state-' + room.roomId }, [
          el('span', { class: 'badge ' + room.state }, [room.state]),
          room.outcome ? ' ' + room.outcome : null,
        ]),
        el('td', {}, [member(room.caller)]),
        el('td', {}, [member(room.listener)]),
        el('td', { class: 'num', 'data-testid': 'room-billed-' + room.roomId }, [room.keepTimeSec + ' s']),
        el('td', { class: 'actions' }, [el('div', {}, roomButtons(room))]),
      ]);
      row.addEventListener('click', function () {
        view.selectedRoomId = room.roomId;
        refresh();
      });
      return row;
    });
    if (rows.length === 0) rows.push(el('tr', {}, [el('td', { colspan: '7', class: 'muted' }, ['no rooms in this namespace yet'])]));
    replaceChildren($('rooms').querySelector('tbody'), rows);
  }

  function describeTimelineEntry(entry) {
    switch (entry.kind) {
      case 'state': return (entry.from || 'new') + ' → ' + entry.to + (entry.outcome ? ' (' + entry.outcome + ')' : '') + ' by ' + entry.cause + ': ' + entry.detail;
      case 'action': return entry.side + ' ' + entry.action + ' by ' + entry.cause + (entry.partyId ? ' (party ' + entry.partyId + ')' : '');
      case 'event': return entry.side + ' ← onVoipEvent ' + entry.event.eventName + (entry.partyId ? ' (party ' + entry.partyId + ')' : '');
      case 'deviceStatus': return entry.side + ' ← status ' + entry.status + (entry.reason !== null ? ' reason ' + entry.reason : '');
      case 'push': return 'push ' + entry.messageType + ' to ' + entry.partyId + (entry.dropped ? ' (dropped by a fault)' : '');
      case 'callback': return 'callback ' + entry.deliveryId + ' attempt ' + entry.attempt + ': ' + entry.outcome;
      case 'billing': return 'billed ' + entry.billedSec + ' s (' + entry.chargeType + ')';
      default: return JSON.stringify(entry);
    }
  }

  function renderTimeline(room) {
    var panel = $('timeline');
    if (!room) {
      replaceChildren(panel, [el('p', { class: 'muted' }, ['click a room to see its timeline'])]);
      return;
    }
    var facts = [
      ['room', room.roomId], ['state', room.state + (room.outcome ? ' (' + room.outcome + ')' : '')], ['app', room.appId],
      ['device', room.sn + ' · ' + room.modelId], ['user', room.openId],
      ['billed', room.billedSec === null ? 'not yet' : room.billedSec + ' s'], ['payload', room.payload === null ? '—' : room.payload],
    ];
    var entries = room.timeline.map(function (entry) {
      return el('tr', { 'data-kind': entry.kind }, [
        el('td', { class: 'num' }, ['+' + ((entry.at - room.createdAt) / 1000).toFixed(1) + ' s']),
        el('td', {}, [entry.kind]),
        el('td', {}, [describeTimelineEntry(entry)]),
      ]);
    });
    replaceChildren(panel, [
      el('dl', { class: 'facts' }, facts.reduce(function (out, fact) { return out.concat([el('dt', {}, [fact[0]]), el('dd', {}, [fact[1]])]); }, [])),
      el('table', { 'data-testid': 'timeline-entries' }, [
        el('thead', {}, [el('tr', {}, [el('th', {}, ['at']), el('th', {}, ['kind']), el('th', {}, ['what'])])]),
        el('tbody', {}, entries),
      ]),
    ]);
  }

  function who(identity) {
    switch (identity.kind) {
      case 'wechatPlugin': return identity.openId + ' @ ' + identity.appId;
      case 'vendorCloud': return identity.label || 'vendor cloud process';
      default: return identity.sn + ' (' + identity.modelId + ') @ ' + identity.appId;
    }
  }

  function renderParties(parties) {
    var rows = parties.map(function (party) {
      return el('tr', { 'data-testid': 'party-' + party.partyId }, [
        el('td', { class: 'mono' }, [party.partyId]),
        el('td', {}, [party.identity.kind]),
        el('td', {}, [who(party.identity) + (party.identity.label ? ' · ' + party.identity.label : '')]),
        el('td', {}, [party.channel]),
        el('td', { class: 'mono' }, [party.currentRoomId || '—']),
        el('td', {}, [iso(party.connectedAt)]),
      ]);
    });
    if (rows.length === 0) rows.push(el('tr', {}, [el('td', { colspan: '6', class: 'muted' }, ['no connected parties'])]));
    replaceChildren($('parties').querySelector('tbody'), rows);
  }

  function journalWhat(entry) {
    switch (entry.kind) {
      case 'request': case 'refusal': return entry.operation + ' ' + entry.method + ' ' + entry.path;
      case 'push': return entry.messageType + ' → ' + entry.partyId + (entry.dropped ? ' (dropped)' : '');
      case 'callback': return 'iot_voip_notify ' + entry.deliveryId + ' attempt ' + entry.attempt;
      case 'event': return entry.eventName + ' → ' + entry.side + (entry.partyId ? ' (' + entry.partyId + ')' : '');
      case 'platform': return entry.event + ': ' + entry.detail;
      default: return '';
    }
  }

  function journalStatus(entry) {
    if (entry.kind === 'request' || entry.kind === 'refusal') return String(entry.status);
    if (entry.kind === 'callback') return entry.outcome;
    if (entry.kind === 'push') return entry.acknowledged ? 'acknowledged' : '';
    return '';
  }

  function renderJournal(entries, dropped) {
    $('journal-dropped').textContent = dropped > 0 ? dropped + ' older entries were dropped to keep the journal within its entry and byte budgets' : '';
    var rows = entries.slice().reverse().map(function (entry) {
      return el('tr', { 'data-testid': 'journal-' + entry.seq, class: entry.kind }, [
        el('td', { class: 'num' }, [entry.seq]),
        el('td', { class: 'nowrap' }, [iso(entry.at)]),
        el('td', {}, [entry.kind]),
        el('td', {}, [journalWhat(entry)]),
        el('td', {}, [journalStatus(entry)]),
        el('td', {}, [entry.kind === 'refusal' ? entry.why.stage + ' · errcode ' + entry.why.errcode + ' · ' + entry.why.rule + (entry.why.faultId ? ' · fault ' + entry.why.faultId : '') : (entry.roomId ? 'room ' + entry.roomId : '')]),
      ]);
    });
    if (rows.length === 0) rows.push(el('tr', {}, [el('td', { colspan: '6', class: 'muted' }, ['the journal is empty'])]));
    replaceChildren($('journal').querySelector('tbody'), rows);
  }

  // ---- refresh and actions ------------------------------------------------------------------------------

  /** The newest JOURNAL_SIZE entries: ask for the newest seq first, then the page that ends with it. */
  function latestJournal() {
    return control('GET', '/journal?since=' + AFTER_EVERYTHING + '&limit=1').then(function (probe) {
      var since = Math.max(0, probe.lastSeq - JOURNAL_SIZE);
      return control('GET', '/journal?since=' + since + '&limit=' + JOURNAL_SIZE);
    });
  }

  /** Reads everything once and renders it, unless a newer refresh started meanwhile. */
  function refresh() {
    var generation = ++view.generation;
    var selected = view.selectedRoomId;
    var run = Promise.all([
      control('GET', '/clock'),
      control('GET', '/rooms'),
      control('GET', '/parties'),
      latestJournal(),
      selected ? control('GET', roomPath(selected)) : Promise.resolve(null),
    ]).then(
      function (results) {
        if (generation !== view.generation) return;
        renderClock(results[0]);
        renderRooms(results[1].rooms);
        renderParties(results[2].parties);
        renderJournal(results[3].entries, results[3].dropped || 0);
        renderTimeline(results[4]);
        $('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
        clearError('refresh');
      },
      function (error) {
        if (generation !== view.generation) return;
        showError(error.message, 'refresh');
      },
    );
    view.refreshing = run;
    return run.then(function () { if (view.refreshing === run) view.refreshing = null; });
  }

  /** Runs one control action, shows its problem if refused, then refreshes. */
  function act(method, path, body) {
    return control(method, path, body).then(
      function () { clearError('action'); },
      function (error) { showError(error.message, 'action'); },
    ).then(refresh);
  }

  [1, 10, 60].forEach(function (seconds) {
    $('advance-' + seconds + 's').addEventListener('click', function () {
      act('POST', '/clock/advance', { ms: seconds * 1000 });
    });
  });

  $('phone-call-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var appId = $('phone-app').value.trim();
    var openId = $('phone-user').value.trim();
    var body = { sn: $('phone-sn').value.trim(), roomType: $('phone-video').checked ? 'video' : 'voice' };
    control('POST', '/apps/' + encodeURIComponent(appId) + '/users/' + encodeURIComponent(openId) + '/calls', body).then(
      function (room) {
        clearError('action');
        view.selectedRoomId = room.roomId;
      },
      function (error) { showError(error.message, 'action'); },
    ).then(refresh);
  });

  $('refresh').addEventListener('click', function () { refresh(); });

  $('dismiss-error').addEventListener('click', function () { clearError('action'); clearError('refresh'); });

  var namespaceField = $('namespace');
  namespaceField.value = view.namespace;
  function useNamespace() {
    var next = namespaceField.value.trim();
    if (next === view.namespace) return;
    view.namespace = next;
    view.selectedRoomId = null;
    var url = new URL(location.href);
    if (next) url.searchParams.set('namespace', next); else url.searchParams.delete('namespace');
    history.replaceState(null, '', url.toString());
    clearError('action');
    refresh();
  }
  $('namespace-form').addEventListener('submit', function (event) { event.preventDefault(); useNamespace(); });
  namespaceField.addEventListener('change', useNamespace);

  setInterval(function () {
    if (document.visibilityState === 'visible' && $('auto-refresh').checked && !view.refreshing) refresh();
  }, REFRESH_MS);
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') refresh();
  });

  refresh();
})();
`;

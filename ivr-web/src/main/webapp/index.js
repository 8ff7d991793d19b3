// The console of calls. No HTML is built from data: every value goes in with textContent.
async function json(url) {
  const r = await fetch(url);
  if (r.status === 401) { location.reload(); throw new Error('logged out'); }
  return r.json();
}
function text(s) { return s === null || s === undefined ? '' : String(s); }
async function refresh() {
  const health = await json('/api/health');
  const status = document.createElement('b');
  status.textContent = health.status;
  document.getElementById('health').replaceChildren(status, ' ', ...Object.entries(health.components).map(([k, v]) => {
    const span = document.createElement('span');
    span.textContent = k + ': ' + (v.up ? '✔ ' : '✘ ') + text(v.detail);
    return span;
  }));
  const calls = await json('/api/calls?limit=50');
  const body = document.getElementById('calls');
  body.replaceChildren(...calls.map(c => {
    const tr = document.createElement('tr');
    [c.id, c.startedAt, c.callerNumber, c.status, c.route, c.queue, c.priority].forEach(v => {
      const td = document.createElement('td'); td.textContent = text(v); tr.appendChild(td);
    });
    tr.className = c.status; tr.style.cursor = 'pointer';
    tr.onclick = async () => {
      const d = await json('/api/calls/' + c.id);
      document.getElementById('detail').textContent = d.turns.map(t =>
        'Turn ' + t.number + ' (' + t.inputMode + '): "' + text(t.text || t.digits) + '" → ' + text(t.intent) +
        (t.confidence !== null && t.confidence !== undefined ? ' ' + t.confidence.toFixed(2) : '') +
        '\n  decision: ' + t.decision.action + ' ' + text(t.decision.route) + ' (rule set ' + t.decision.ruleSetVersion + ')' +
        '\n  rules fired: ' + t.decision.firedRules.join(' → ') +
        '\n  facts: ' + t.decision.facts.join('; ') +
        '\n  replay under another version: /api/calls/' + c.id + '/turns/' + t.number + '/replay?version=N').join('\n\n');
    };
    return tr;
  }));
}
refresh(); setInterval(refresh, 5000);
session();

async function session() {
  const me = await json('/api/session');
  document.getElementById('user').textContent = me.user + ' (' + me.roles.join(', ') + ')';
}
document.getElementById('logout').onclick = async () => {
  await fetch('/api/session/logout', { method: 'POST', headers: { 'X-Requested-With': 'parley-console' } });
  location.href = 'index.html';
};

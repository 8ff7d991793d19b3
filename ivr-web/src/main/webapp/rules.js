'use strict';
CodeMirror.defineSimpleMode('drl', {
  start: [
    {regex: /"(?:[^\\"]|\\.)*"/, token: 'string'},
    {regex: /\/\/.*/, token: 'comment'},
    {regex: /#.*/, token: 'comment'},
    {regex: /\/\*/, token: 'comment', next: 'comment'},
    {regex: /\b(?:package|import|rule|when|then|end|salience|no-loop|agenda-group|declare|function|query|global|not|exists|forall|or|and|in|matches|modify|insert|retract|delete|eval|from|accumulate|collect|true|false|null)\b/, token: 'keyword'},
    {regex: /\$[A-Za-z_]\w*/, token: 'variable-2'},
    {regex: /\b[A-Z]\w*/, token: 'def'},
    {regex: /-?\d+(?:\.\d+)?/, token: 'number'},
    {regex: /\[(?:when|then|condition|consequence)\]/, token: 'keyword'},
  ],
  comment: [{regex: /.*?\*\//, token: 'comment', next: 'start'}, {regex: /.*/, token: 'comment'}],
  meta: {lineComment: '//'}
});

const state = { files: [], docs: {}, original: {}, current: null, serving: null, problems: [] };
const editor = CodeMirror.fromTextArea(document.getElementById('editor'), {
  lineNumbers: true, gutters: ['errors', 'CodeMirror-linenumbers'], indentUnit: 4
});
window.parley = { editor, state, ready: false, busy: false };

function mode(path) {
  if (path.endsWith('.drl') || path.endsWith('.dslr') || path.endsWith('.dsl')) return 'drl';
  if (path.endsWith('.yaml') || path.endsWith('.yml')) return 'yaml';
  return null;
}
function binary(path) { return path.endsWith('.xlsx'); }
async function api(method, url, body) {
  // X-Requested-With: changes made with the session cookie must say they come from the console (CsrfCheck).
  const headers = { 'X-Requested-With': 'parley-console' };
  if (body) headers['Content-Type'] = 'application/json';
  const r = await fetch(url, { method, headers, body: body ? JSON.stringify(body) : undefined });
  if (r.status === 401) { location.reload(); }
  const text = await r.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = { message: text }; }
  return { status: r.status, body: json };
}
function status(text, ok) {
  const s = document.getElementById('status');
  s.textContent = text; s.className = ok === undefined ? '' : ok ? 'ok' : 'bad';
}
function draftFiles() {
  return state.files.map(path => ({ path, content: binary(path) ? state.binary[path] : state.docs[path].getValue() }));
}

async function loadServing() {
  const versions = (await api('GET', 'api/rules/versions')).body;
  const serving = versions.find(v => v.serving);
  state.serving = serving;
  document.getElementById('serving').textContent = serving.label + ' by ' + serving.author + ' — ' + (serving.comment || '');
  const detail = (await api('GET', 'api/rules/versions/' + serving.number)).body;
  state.files = detail.files.map(f => f.path);
  state.docs = {}; state.original = {}; state.binary = {};
  detail.files.forEach(f => {
    state.original[f.path] = f.content;
    if (binary(f.path)) state.binary[f.path] = f.content;
    else state.docs[f.path] = CodeMirror.Doc(f.content, mode(f.path));
  });
  renderFiles();
  open(state.current && state.files.includes(state.current) ? state.current : (state.files.find(p => p === 'routing.drl') || state.files[0]));
  renderVersions(versions);
  const policy = (await api('GET', 'api/rules/serving')).body;
  document.getElementById('publish').textContent = policy.fourEyes ? 'Propose for approval' : 'Publish';
}

function renderFiles() {
  const box = document.getElementById('files');
  box.replaceChildren(...state.files.map(path => {
    const b = document.createElement('button');
    b.textContent = path; b.dataset.path = path;
    const changed = binary(path) ? state.binary[path] !== state.original[path] : state.docs[path].getValue() !== state.original[path];
    b.className = (path === state.current ? 'current ' : '') + (changed ? 'changed' : '');
    b.onclick = () => open(path);
    return b;
  }));
}

function open(path) {
  state.current = path;
  const isBinary = binary(path);
  document.getElementById('editor-box').style.display = isBinary ? 'none' : '';
  document.getElementById('binary').style.display = isBinary ? 'block' : 'none';
  if (isBinary) {
    document.getElementById('binary-name').textContent = path;
    const a = document.getElementById('binary-download');
    a.href = 'data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,' + state.binary[path];
    a.download = path;
  } else {
    editor.swapDoc(state.docs[path]);
    markProblems();
    editor.refresh();
  }
  renderFiles();
}

editor.on('change', () => renderFiles());
document.getElementById('binary-upload').onchange = ev => {
  const file = ev.target.files[0];
  if (!file) return;
  const reader = new FileReader();
  reader.onload = () => { state.binary[state.current] = reader.result.split(',')[1]; renderFiles(); status(file.name + ' loaded into the draft'); };
  reader.readAsDataURL(file);
};

function markProblems() {
  editor.clearGutter('errors');
  for (let i = 0; i < editor.lineCount(); i++) editor.removeLineClass(i, 'background', 'error-line');
  state.problems.filter(p => p.path === state.current && p.line > 0).forEach(p => {
    const line = Math.min(p.line, editor.lineCount()) - 1;
    editor.addLineClass(line, 'background', 'error-line');
    const marker = document.createElement('span');
    marker.className = 'error-marker'; marker.textContent = '✘'; marker.title = p.message;
    editor.setGutterMarker(line, 'errors', marker);
  });
}

function showCheck(check) {
  state.problems = check.problems || [];
  const list = document.getElementById('problems');
  list.replaceChildren(...state.problems.map(p => {
    const li = document.createElement('li');
    li.dataset.path = p.path; li.dataset.line = p.line; li.dataset.column = p.column;
    li.textContent = p.path + (p.line ? ' line ' + p.line : '') + (p.column ? ' col ' + p.column : '') + ': ' + p.message;
    li.onclick = () => { open(p.path); if (p.line > 0 && !binary(p.path)) { editor.setCursor({line: p.line - 1, ch: Math.max(p.column - 1, 0)}); editor.focus(); } };
    return li;
  }));
  if (state.current && !binary(state.current)) markProblems();
  const table = document.getElementById('scenario-table');
  const rows = (check.scenarios || []).map(s => {
    const tr = document.createElement('tr');
    tr.className = s.passed ? 'pass' : 'fail';
    [s.passed ? 'PASS' : 'FAIL', s.name, s.source + ' line ' + s.line,
     (s.failures.length ? s.failures.join('; ') + ' — ' : '') + s.firedRules.join(' → ')].forEach(v => {
      const td = document.createElement('td'); td.textContent = v; tr.appendChild(td);
    });
    return tr;
  });
  document.getElementById('scenarios').replaceChildren(...rows);
  table.hidden = rows.length === 0;
}

async function run(label, fn) {
  window.parley.busy = true;
  status(label + '…');
  try { await fn(); } catch (e) { status(label + ' failed: ' + e, false); } finally { window.parley.busy = false; }
}

document.getElementById('validate').onclick = () => run('Validating', async () => {
  const r = await api('POST', 'api/rules/validate', { files: draftFiles() });
  if (r.status !== 200) { status(r.body.message || ('HTTP ' + r.status), false); return; }
  showCheck(r.body);
  status(r.body.passed ? 'Compiles: ' + r.body.rules + ' rules' : r.body.problems.length + ' error(s)', r.body.passed);
});
document.getElementById('test').onclick = () => run('Running scenarios', async () => {
  const r = await api('POST', 'api/rules/test', { files: draftFiles() });
  if (r.status !== 200) { status(r.body.message || ('HTTP ' + r.status), false); return; }
  showCheck(r.body);
  status(r.body.problems.length ? r.body.problems.length + ' error(s)'
      : r.body.scenariosPassed + ' scenario(s) passed, ' + r.body.scenariosFailed + ' failed', r.body.passed);
});
document.getElementById('publish').onclick = () => run('Publishing', async () => {
  const comment = document.getElementById('comment').value.trim();
  if (!comment) { status('Say what changed before publishing', false); return; }
  const r = await api('POST', 'api/rules/publish', { files: draftFiles(), comment });
  if (r.status === 201) {
    showCheck({ problems: [], scenarios: [] });
    await loadServing();
    status('Published ' + r.body.label + ': it serves new calls now', true);
  } else if (r.status === 202) {
    showCheck({ problems: [], scenarios: [] });
    await loadServing();
    status('Proposed ' + r.body.label + ': it serves once another publisher approves it', true);
  } else if (r.status === 422) {
    showCheck(r.body);
    status('Not published: ' + (r.body.problems.length ? r.body.problems.length + ' error(s)' : r.body.scenariosFailed + ' scenario(s) failed'), false);
  } else {
    status('Not published: ' + (r.body.message || ('HTTP ' + r.status)), false);
  }
});
document.getElementById('reset').onclick = () => run('Discarding', async () => { showCheck({ problems: [], scenarios: [] }); await loadServing(); status('Draft reset to the serving version'); });

function renderVersions(versions) {
  document.getElementById('versions').replaceChildren(...versions.map(v => {
    const tr = document.createElement('tr');
    tr.dataset.version = v.number;
    tr.dataset.state = v.state;
    const review = v.reviewedBy ? (v.state === 'REJECTED' ? 'rejected' : 'approved') + ' by ' + v.reviewedBy : '';
    [v.label + (v.serving ? ' (serving)' : v.state === 'PUBLISHED' ? '' : ' (' + v.state.toLowerCase() + ')'), v.publishedAt, v.author,
      [v.comment, review, v.reviewComment].filter(x => x).join(' — ')].forEach(x => {
      const td = document.createElement('td'); td.textContent = x == null ? '' : x; tr.appendChild(td);
    });
    const td = document.createElement('td');
    const button = (text, cls, what, path) => {
      const b = document.createElement('button');
      b.textContent = text; b.className = cls;
      b.onclick = () => run(what, async () => {
        const body = path === 'api/rules/rollback' ? { version: v.number } : { comment: document.getElementById('comment').value.trim() || null };
        const r = await api('POST', path, body);
        if (r.status === 422) { showCheck(r.body); status(v.label + ' no longer passes its checks', false); return; }
        if (r.status !== 200) { status(what + ' failed: ' + (r.body.error || r.body.message || r.status), false); return; }
        await loadServing(); status(v.label + ' ' + (r.body.serving ? 'serves now' : r.body.state.toLowerCase()), true);
      });
      td.appendChild(b);
    };
    if (v.state === 'PROPOSED') {
      button('Approve ' + v.label, 'approve', 'Approving', 'api/rules/versions/' + v.number + '/approve');
      button('Reject', 'reject', 'Rejecting', 'api/rules/versions/' + v.number + '/reject');
    } else if (v.state === 'PUBLISHED' && !v.serving) {
      button('Roll back to ' + v.label, 'rollback', 'Rolling back', 'api/rules/rollback');
    }
    tr.appendChild(td);
    return tr;
  }));
  ['diff-from', 'diff-to'].forEach((id, i) => {
    const sel = document.getElementById(id);
    sel.replaceChildren(...versions.map(v => { const o = document.createElement('option'); o.value = v.number; o.textContent = v.label; return o; }));
    if (versions.length > 1) sel.value = versions[i === 0 ? 1 : 0].number;
  });
}
document.getElementById('diff').onclick = () => run('Comparing', async () => {
  const from = document.getElementById('diff-from').value, to = document.getElementById('diff-to').value;
  const r = await api('GET', 'api/rules/diff?from=' + from + '&to=' + to);
  const out = document.getElementById('diff-out');
  out.replaceChildren();
  Object.entries(r.body).forEach(([path, lines]) => {
    const changed = lines.filter(l => l.startsWith('+') || l.startsWith('-'));
    if (!changed.length) return;
    out.appendChild(document.createTextNode('== ' + path + '\n'));
    changed.forEach(l => { const s = document.createElement('span'); s.className = l.startsWith('+') ? 'add' : 'del'; s.textContent = l + '\n'; out.appendChild(s); });
  });
  if (!out.childNodes.length) out.textContent = 'No differences.';
  status('');
});

loadServing().then(() => { window.parley.ready = true; status(''); }).catch(e => status('Cannot load the rules: ' + e, false));

(async () => {
  const me = (await api('GET', 'api/session')).body;
  document.getElementById('user').textContent = me.user + ' (' + me.roles.join(', ') + ')';
  if (!me.roles.includes('publisher')) {
    document.getElementById('publish').disabled = true;
    document.getElementById('publish').title = 'publishing needs the publisher role';
  }
})();
document.getElementById('logout').onclick = async () => {
  await api('POST', 'api/session/logout');
  location.href = 'rules.html';
};

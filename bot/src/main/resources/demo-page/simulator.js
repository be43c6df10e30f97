// The simulated phone (a parent's WeChat) and the school panel. Everything goes through the real bot and admin API.
'use strict';

const $ = id => document.getElementById(id);
const state = { wechat: null, guardians: [], current: null, chats: new Map(), lastPush: new Map(), school: null };

const openidOf = guardian => 'o-demo-guardian-' + guardian.id;
const cdata = text => '<![CDATA[' + String(text).split(']]>').join(']]]]><![CDATA[>') + ']]>';
const clock = date => date.toLocaleTimeString('zh-CN', { hour12: false });

// ---------- the chat ----------

function entries() {
  const openid = state.current && openidOf(state.current);
  if (!openid) return [];
  if (!state.chats.has(openid)) state.chats.set(openid, []);
  return state.chats.get(openid);
}

function add(entry) {
  entries().push(entry);
  render(entry);
}

function render(entry) {
  const chat = $('chat');
  const node = document.createElement('div');
  if (entry.card) {
    node.className = 'card';
    const title = document.createElement('h4');
    title.textContent = entry.card.title;
    node.appendChild(title);
    const list = document.createElement('dl');
    for (const [name, value] of entry.card.fields) {
      const dt = document.createElement('dt');
      dt.textContent = name;
      const dd = document.createElement('dd');
      dd.textContent = value;
      list.append(dt, dd);
    }
    node.appendChild(list);
  } else {
    node.className = 'msg ' + entry.who;
    if (entry.tag) {
      const tag = document.createElement('span');
      tag.className = 'tag';
      tag.textContent = entry.tag;
      node.appendChild(tag);
    }
    node.appendChild(document.createTextNode(entry.text));
  }
  const time = document.createElement('span');
  time.className = 'time';
  time.textContent = clock(entry.at);
  node.appendChild(time);
  node.dataset.who = entry.card ? 'push' : entry.who;
  chat.appendChild(node);
  chat.scrollTop = chat.scrollHeight;
}

function rerender() {
  $('chat').textContent = '';
  entries().forEach(render);
}

// ---------- the webhook ----------

// Sends what the parent typed, or with menuKey a tap on the custom menu (a CLICK event, as WeChat sends it).
async function send(text, menuKey) {
  if (!state.current || !text.trim()) return;
  const openid = openidOf(state.current);
  const aes = $('aes').checked;
  add({ who: 'me', text: menuKey ? '[菜单] ' + text : text, at: new Date(), tag: aes ? 'AES' : '' });
  const { token, appId, aesKey } = state.wechat;
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(Math.floor(Math.random() * 1e9));
  const head = '<xml><ToUserName>' + cdata('gh_kehou_demo') + '</ToUserName><FromUserName>' + cdata(openid)
    + '</FromUserName><CreateTime>' + timestamp + '</CreateTime>';
  const message = menuKey
    ? head + '<MsgType>' + cdata('event') + '</MsgType><Event>' + cdata('CLICK') + '</Event><EventKey>'
      + cdata(menuKey) + '</EventKey></xml>'
    : head + '<MsgType>' + cdata('text') + '</MsgType><Content>' + cdata(text) + '</Content><MsgId>' + Date.now()
      + String(Math.floor(Math.random() * 1000)).padStart(3, '0') + '</MsgId></xml>';
  const params = new URLSearchParams({
    signature: await WechatCrypto.sha1([token, timestamp, nonce]), timestamp, nonce, openid });
  let body = message;
  if (aes) {
    const encrypted = await WechatCrypto.encrypt(aesKey, appId, message);
    params.set('encrypt_type', 'aes');
    params.set('msg_signature', await WechatCrypto.sha1([token, timestamp, nonce, encrypted]));
    body = '<xml><ToUserName>' + cdata('gh_kehou_demo') + '</ToUserName><Encrypt>' + cdata(encrypted) + '</Encrypt></xml>';
  }
  try {
    const response = await fetch('/wechat/portal?' + params, {
      method: 'POST', headers: { 'Content-Type': 'text/xml; charset=utf-8' }, body });
    const reply = await response.text();
    if (!response.ok) {
      add({ who: 'error', text: '公众号没有回应（HTTP ' + response.status + '）', at: new Date() });
      return;
    }
    const content = await replyContent(reply);
    if (content) add({ who: 'bot', text: content.text, at: new Date(), tag: content.encrypted ? 'AES' : '' });
  } catch (e) {
    add({ who: 'error', text: '发送失败：' + e.message, at: new Date() });
  }
}

async function replyContent(reply) {
  if (!reply || reply.trim() === 'success') return null;
  let doc = new DOMParser().parseFromString(reply, 'application/xml');
  const encrypted = doc.querySelector('Encrypt');
  if (encrypted) {
    const plain = await WechatCrypto.decrypt(state.wechat.aesKey, encrypted.textContent);
    doc = new DOMParser().parseFromString(plain.message, 'application/xml');
  }
  const content = doc.querySelector('Content');
  return content ? { text: content.textContent, encrypted: !!encrypted } : null;
}

// ---------- pushes recorded by the fake WeChat API ----------

async function poll() {
  if (state.current) {
    const guardian = state.current;
    const openid = openidOf(guardian);
    const after = state.lastPush.get(openid) || 0;
    try {
      const pushes = await (await fetch('/demo/api/pushes?openid=' + encodeURIComponent(openid) + '&after=' + after)).json();
      for (const push of pushes) {
        state.lastPush.set(openid, push.id);
        if (state.current !== guardian) break;
        add(asEntry(push));
      }
    } catch (e) { /* the bot may be restarting: try again on the next tick */ }
  }
  setTimeout(poll, 1000);
}

function asEntry(push) {
  const at = new Date(push.at);
  if (push.kind === 'TEMPLATE') {
    const data = push.body.data || {};
    const fields = Object.keys(data).map(name => [name, (data[name] && data[name].value) || '']);
    return { card: { title: '模板消息 · ' + push.body.template_id, fields }, at };
  }
  const text = push.body.text ? push.body.text.content : JSON.stringify(push.body);
  return { who: 'bot', text, at, tag: '客服消息' };
}

// ---------- the custom menu ----------

async function loadMenu() {
  const menu = await (await fetch('/demo/api/menu')).json();
  const bar = $('menu');
  bar.textContent = '';
  const buttons = (menu && menu.button) || [];
  if (!buttons.length) {
    const empty = document.createElement('div');
    empty.className = 'empty';
    empty.textContent = '（公众号尚未设置菜单）';
    bar.appendChild(empty);
    return;
  }
  buttons.forEach((group, i) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = '☰ ' + group.name;
    button.addEventListener('click', () => openGroup(group, i, buttons.length));
    bar.appendChild(button);
  });
}

function openGroup(group, index, count) {
  const box = $('submenu');
  if (!box.hidden && box.dataset.index === String(index)) { box.hidden = true; return; }
  box.textContent = '';
  box.dataset.index = String(index);
  (group.sub_button || []).forEach(item => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = item.name;
    button.addEventListener('click', () => { box.hidden = true; send(item.name, item.key || item.name); });
    box.appendChild(button);
  });
  box.style.left = (index * (370 / count) + 8) + 'px';
  box.hidden = false;
}

// ---------- guardians ----------

async function loadGuardians() {
  state.guardians = await (await fetch('/demo/api/guardians')).json();
  const select = $('guardian');
  for (const g of state.guardians) {
    const option = document.createElement('option');
    option.value = String(g.id);
    option.textContent = g.name + '（' + g.children + '）';
    select.appendChild(option);
  }
}

function pick() {
  const id = Number($('guardian').value);
  state.current = state.guardians.find(g => g.id === id) || null;
  const enabled = !!state.current;
  ['bind', 'text', 'send'].forEach(el => { $(el).disabled = !enabled; });
  $('guardian-info').textContent = enabled
    ? 'openid ' + openidOf(state.current) + ' · 绑定码 ' + (state.current.code || '—')
    : '请先在上面选择一位家长，再点“用绑定码绑定”。';
  rerender();
}

// ---------- the school panel ----------

async function api(path, options = {}) {
  const headers = Object.assign({ 'Content-Type': 'application/json' }, options.headers || {});
  if (state.school && path.startsWith('/demo/admin-api/')) headers.Authorization = 'Bearer ' + state.school.token;
  const response = await fetch(path, Object.assign({}, options, { headers }));
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = text; }
  if (!response.ok) throw new Error((json && (json.detail || json.reason || json.title)) || ('HTTP ' + response.status));
  return json;
}

function say(text) {
  $('school-status').textContent = text;
}

function show(value) {
  $('school-output').textContent = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

async function login(event) {
  event.preventDefault();
  const username = $('username').value.trim();
  try {
    const answer = await api('/demo/admin-api/api/v1/auth/login', {
      method: 'POST', body: JSON.stringify({ username, password: $('password').value }) });
    state.school = { username, token: answer.token };
    await refresh();
    $('whoami').textContent = '已登录：' + username;
    say('登录成功');
  } catch (e) {
    say('登录失败：' + e.message);
  }
}

const actions = [
  ['class-approve', '班级审核通过'],
  ['school-approve', '学校复核通过'],
  ['reject', '驳回'],
  ['end', '终止服务'],
];

async function refresh() {
  const rows = await api('/demo/api/school/applications');
  const body = $('applications').querySelector('tbody');
  body.textContent = '';
  for (const a of rows) {
    const tr = document.createElement('tr');
    tr.dataset.application = String(a.id);
    [a.id, a.student, a.className, a.state].forEach(v => {
      const td = document.createElement('td');
      td.textContent = v;
      tr.appendChild(td);
    });
    const td = document.createElement('td');
    for (const [action, label] of actions) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = label;
      button.className = 'act-' + action;
      button.addEventListener('click', () => step(a.id, action, label));
      td.appendChild(button);
    }
    tr.appendChild(td);
    body.appendChild(tr);
  }
  say('共 ' + rows.length + ' 份报名');
}

async function step(id, action, label) {
  if (!state.school) { say('请先登录'); return; }
  let reason = null;
  if (action === 'reject' || action === 'end') {
    reason = prompt(label + '的原因');
    if (!reason) return;
  }
  let result;
  try {
    await api('/demo/api/school/applications/' + id + '/' + action, {
      method: 'POST', body: JSON.stringify({ username: state.school.username, reason }) });
    result = '#' + id + ' ' + label + '：完成';
  } catch (e) {
    result = '#' + id + ' ' + label + '：未能完成（' + e.message + '）';
  }
  await refresh();
  say(result);
}

async function guarded(action) {
  try { await action(); } catch (e) { say('出错：' + e.message); }
}

// ---------- start ----------

async function start() {
  state.wechat = await (await fetch('/demo/api/wechat')).json();
  await Promise.all([loadGuardians(), loadMenu()]);
  $('guardian').addEventListener('change', pick);
  $('bind').addEventListener('click', () => send('绑定 ' + state.current.code));
  $('send').addEventListener('click', () => { const t = $('text').value; $('text').value = ''; send(t); });
  $('text').addEventListener('keydown', e => { if (e.key === 'Enter') $('send').click(); });
  $('login').addEventListener('submit', login);
  $('refresh').addEventListener('click', () => guarded(refresh));
  $('offerings').addEventListener('click', () => guarded(async () => {
    const offerings = await api('/demo/admin-api/api/v1/offerings');
    show(offerings.map(o => o.name + '：' + o.seatsTaken + '/' + o.capacity + ' 名额已占').join('\n'));
  }));
  $('publicity').addEventListener('click', () => guarded(async () => {
    const list = await api('/demo/api/school/publicity');
    show(list.length ? list.map(p => p.className + ' ' + p.maskedName + ' ' + p.offerings + ' 公示至 '
      + p.publicityEndsAt).join('\n') : '目前没有公示中的名单');
  }));
  $('end-publicity').addEventListener('click', () => guarded(async () => {
    const answer = await api('/demo/api/school/publicity/end-now', { method: 'POST' });
    await refresh();
    say('已结束 ' + answer.ended + ' 份报名的公示期，并运行了生命周期任务');
  }));
  setInterval(() => loadMenu().catch(() => {}), 10000);
  poll();
  document.body.dataset.ready = 'true';
}

start();

// The simulated phone (a parent's WeChat) beside the real staff console. Everything goes through the real bot and
// admin API.
'use strict';

const $ = id => document.getElementById(id);
const state = { wechat: null, guardians: [], current: null, chats: new Map(), lastPush: new Map(),
  following: new Set() };

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
    // The page a template message opens when tapped (a notice's signed link), as WeChat shows it: 详情.
    if (entry.card.url && /^https?:\/\//.test(entry.card.url)) {
      const more = document.createElement('a');
      more.className = 'more';
      more.href = entry.card.url;
      more.target = '_blank';
      more.rel = 'noopener noreferrer';
      more.textContent = '详情';
      node.appendChild(more);
    }
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
function send(text, menuKey) {
  if (!state.current || !text.trim()) return Promise.resolve();
  const inner = menuKey
    ? '<MsgType>' + cdata('event') + '</MsgType><Event>' + cdata('CLICK') + '</Event><EventKey>' + cdata(menuKey)
      + '</EventKey>'
    : '<MsgType>' + cdata('text') + '</MsgType><Content>' + cdata(text) + '</Content><MsgId>' + Date.now()
      + String(Math.floor(Math.random() * 1000)).padStart(3, '0') + '</MsgId>';
  return deliver(menuKey ? '[菜单] ' + text : text, inner);
}

// A binding slip's QR code scanned, as WeChat reports it: a follow through the code (subscribe, EventKey
// qrscene_<scene>) for a parent not following the account yet, a SCAN event with the scene for a follower.
async function scan(text, event) {
  if (!state.current || !text.trim()) return;
  const response = await fetch('/demo/api/scan?text=' + encodeURIComponent(text));
  if (!response.ok) {
    add({ who: 'error', text: '微信无法识别这个二维码（不是本公众号的通知单二维码，或已过期）', at: new Date() });
    return;
  }
  const { scene } = await response.json();
  const follow = event === 'subscribe';
  const inner = '<MsgType>' + cdata('event') + '</MsgType><Event>' + cdata(follow ? 'subscribe' : 'SCAN')
    + '</Event><EventKey>' + cdata(follow ? 'qrscene_' + scene : scene) + '</EventKey><Ticket>'
    + cdata('demo-ticket') + '</Ticket>';
  await deliver(follow ? '[扫码关注] ' + scene : '[扫码] ' + scene, inner);
}

// Signs (and in safe mode encrypts) one message from the parent as WeChat does and shows the bot's reply.
async function deliver(label, inner) {
  const openid = openidOf(state.current);
  // Whoever writes to the account follows it: their next scan is a SCAN event.
  state.following.add(openid);
  // An account with an EncodingAESKey gets every message encrypted from WeChat, and the bot refuses plain ones.
  const aes = !!state.wechat.aesKey;
  add({ who: 'me', text: label, at: new Date(), tag: aes ? 'AES' : '' });
  const { token, appId, aesKey } = state.wechat;
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(Math.floor(Math.random() * 1e9));
  const message = '<xml><ToUserName>' + cdata('gh_kehou_demo') + '</ToUserName><FromUserName>' + cdata(openid)
    + '</FromUserName><CreateTime>' + timestamp + '</CreateTime>' + inner + '</xml>';
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
  } finally {
    scanDefaults();
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
    return { card: { title: '模板消息 · ' + push.body.template_id, fields, url: push.body.url }, at };
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

async function pick() {
  const id = Number($('guardian').value);
  state.current = state.guardians.find(g => g.id === id) || null;
  const enabled = !!state.current;
  delete $('guardian').dataset.picked;
  ['bind', 'text', 'send', 'scan-text', 'scan-as', 'scan', 'end-publicity'].forEach(el => { $(el).disabled = !enabled; });
  $('guardian-info').textContent = enabled
    ? 'openid ' + openidOf(state.current) + ' · 绑定码 ' + (state.current.code || '—')
    : '请先在上面选择一位家长，再点“用绑定码绑定”或扫描通知单上的二维码。';
  $('scan-text').value = '';
  rerender();
  if (enabled) {
    // The slip's QR code is made by the bot a moment after the slips are printed: read it fresh.
    try {
      const fresh = (await (await fetch('/demo/api/guardians')).json()).find(g => g.id === id);
      if (fresh && state.current && state.current.id === id) {
        state.current.qrUrl = fresh.qrUrl;
        state.current.code = fresh.code;
      }
    } catch (e) { /* keep what the list had */ }
    // Only into an empty field: what the parent typed meanwhile is theirs.
    if (!$('scan-text').value) {
      $('scan-text').value = (state.current && (state.current.qrUrl || state.current.code)) || '';
    }
    if (state.current && state.current.id === id) $('guardian').dataset.picked = String(id);
  }
  scanDefaults();
}

// A parent seen writing here follows the account; anyone else scans to follow.
function scanDefaults() {
  if (!state.current) return;
  $('scan-as').value = state.following.has(openidOf(state.current)) ? 'SCAN' : 'subscribe';
}

// ---------- the school: the real staff console, framed beside the phone ----------

async function loadConsole() {
  const { url } = await (await fetch('/demo/api/console')).json();
  const target = new URL(url);
  // Both apps listen on the same address: opened from another machine, the console is on the host the page came from.
  if (['127.0.0.1', 'localhost'].includes(target.hostname) && location.hostname !== target.hostname) {
    target.hostname = location.hostname;
  }
  $('console').src = target.href;
  $('console-link').href = target.href;
}

// The one shortcut past the system: a publicity window lasts days; this ends the chosen parent's children's now.
async function endPublicity() {
  if (!state.current) return;
  const status = $('shortcut-status');
  try {
    const response = await fetch('/demo/api/time-travel/guardians/' + state.current.id + '/end-publicity',
      { method: 'POST' });
    if (!response.ok) throw new Error('HTTP ' + response.status);
    const { ended } = await response.json();
    status.textContent = ended ? '已结束 ' + ended + ' 份报名的公示，家长随即收到签署委托协议的通知'
      : '所选家长的孩子没有公示中的报名';
  } catch (e) {
    status.textContent = '未能完成：' + e.message;
  }
}

// ---------- start ----------

async function start() {
  state.wechat = await (await fetch('/demo/api/wechat')).json();
  $('aes').checked = !!state.wechat.aesKey;
  await Promise.all([loadGuardians(), loadMenu()]);
  $('guardian').addEventListener('change', pick);
  $('bind').addEventListener('click', () => send('绑定 ' + state.current.code));
  $('scan-bar').addEventListener('submit', event => {
    event.preventDefault();
    scan($('scan-text').value, $('scan-as').value);
  });
  $('send').addEventListener('click', () => { const t = $('text').value; $('text').value = ''; send(t); });
  $('text').addEventListener('keydown', e => { if (e.key === 'Enter') $('send').click(); });
  $('end-publicity').addEventListener('click', endPublicity);
  await loadConsole();
  setInterval(() => loadMenu().catch(() => {}), 10000);
  poll();
  document.body.dataset.ready = 'true';
}

start();

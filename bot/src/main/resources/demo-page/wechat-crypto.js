// WeChat's message signing and AES "safe mode", in the browser with SubtleCrypto (needs http://127.0.0.1 or localhost).
// Format: base64(AES-256-CBC(random16 + uint32be(len) + message + appId, PKCS#7 padded to 32-byte blocks)),
// key = base64(EncodingAESKey + "="), IV = the key's first 16 bytes.
'use strict';

const WechatCrypto = (() => {
  const utf8 = new TextEncoder();
  const fromUtf8 = new TextDecoder();

  const hex = buf => Array.from(new Uint8Array(buf)).map(b => b.toString(16).padStart(2, '0')).join('');
  const b64 = bytes => { let s = ''; bytes.forEach(b => { s += String.fromCharCode(b); }); return btoa(s); };
  const unb64 = text => Uint8Array.from(atob(text), c => c.charCodeAt(0));

  async function sha1(parts) {
    const joined = parts.slice().sort().join('');
    return hex(await crypto.subtle.digest('SHA-1', utf8.encode(joined)));
  }

  async function key(aesKey) {
    const raw = unb64(aesKey + '=');
    return { raw, key: await crypto.subtle.importKey('raw', raw, 'AES-CBC', false, ['encrypt', 'decrypt']) };
  }

  async function encrypt(aesKey, appId, message) {
    const k = await key(aesKey);
    const body = utf8.encode(message);
    const app = utf8.encode(appId);
    const plain = new Uint8Array(16 + 4 + body.length + app.length);
    crypto.getRandomValues(plain.subarray(0, 16));
    new DataView(plain.buffer).setUint32(16, body.length, false);
    plain.set(body, 20);
    plain.set(app, 20 + body.length);
    const pad = 32 - (plain.length % 32);
    const padded = new Uint8Array(plain.length + pad);
    padded.set(plain);
    padded.fill(pad, plain.length);
    // SubtleCrypto always adds its own 16-byte padding block; WeChat's padding is already there, so drop that block.
    const out = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CBC', iv: k.raw.slice(0, 16) }, k.key, padded));
    return b64(out.subarray(0, out.length - 16));
  }

  async function decrypt(aesKey, encrypted) {
    const k = await key(aesKey);
    const cipher = unb64(encrypted);
    // SubtleCrypto insists on 16-byte PKCS#7 padding; WeChat pads to 32. Append one block that decrypts to a full
    // padding block (E(K, 0x10… XOR last cipher block)), then strip WeChat's own padding by hand.
    const last = cipher.slice(cipher.length - 16);
    const extra = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CBC', iv: last }, k.key,
      new Uint8Array(16).fill(16))).slice(0, 16);
    const joined = new Uint8Array(cipher.length + 16);
    joined.set(cipher);
    joined.set(extra, cipher.length);
    const plain = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-CBC', iv: k.raw.slice(0, 16) }, k.key, joined));
    const pad = plain[plain.length - 1];
    const unpadded = plain.subarray(0, plain.length - pad);
    const length = new DataView(unpadded.buffer, unpadded.byteOffset).getUint32(16, false);
    return {
      message: fromUtf8.decode(unpadded.subarray(20, 20 + length)),
      appId: fromUtf8.decode(unpadded.subarray(20 + length)),
    };
  }

  return { sha1, encrypt, decrypt };
})();

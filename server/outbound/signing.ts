/**
 * The signatures each receiver checks, as each documents them. Pure functions of their inputs
 * (the time is given), so tests compute the same values the receivers do.
 */
import { createHmac, randomBytes } from 'node:crypto';

/**
 * Stageboard's own webhooks, Stripe's scheme: `X-Stageboard-Signature: t=<unix seconds>,v1=<hex>`
 * with v1 = HMAC-SHA256(secret, `${t}.${body}`). The time is inside the signed text, so a
 * receiver that refuses an old `t` refuses a replayed request.
 */
export function webhookSignature(secret: string, body: string, unixSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}

/** A new webhook's secret, shown once: 32 random bytes, prefixed so it is recognised when leaked. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * 钉钉 custom robot 加签 (open.dingtalk.com, "自定义机器人安全设置"): timestamp in milliseconds,
 * sign = urlencode(base64(HmacSHA256(key = secret, message = timestamp + "\n" + secret))), both
 * sent as query parameters. Returns them unencoded; URLSearchParams encodes once.
 */
export function dingtalkSign(secret: string, timestampMs: number): { timestamp: string; sign: string } {
  const timestamp = String(timestampMs);
  const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
  return { timestamp, sign };
}

/**
 * 飞书 custom bot 签名校验 (open.feishu.cn, "自定义机器人使用指南"): timestamp in seconds,
 * sign = base64(HmacSHA256(key = timestamp + "\n" + secret, message = empty)), both in the JSON
 * body. The key is the text and the message is empty: the reverse of 钉钉's, as documented.
 */
export function feishuSign(secret: string, timestampSeconds: number): { timestamp: string; sign: string } {
  const timestamp = String(timestampSeconds);
  const sign = createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64');
  return { timestamp, sign };
}

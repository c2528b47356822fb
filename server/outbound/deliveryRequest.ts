/**
 * The HTTP request one attempt sends to an integration: a webhook's signed JSON event with the
 * Stageboard headers, or a robot's platform message with its platform's signature. Made afresh at
 * each attempt, so a retry carries a fresh timestamp (receivers refuse stale ones) and the same
 * event id.
 */
import type { OutboundEvent } from '#lib/outbound/types';
import type { Integration } from './OutboundStore';
import { robotBody, robotText } from './robotMessages';
import { dingtalkSign, feishuSign, webhookSignature } from './signing';

export interface DeliveryRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
}

export function deliveryRequest(
  integration: Integration,
  event: OutboundEvent,
  deliveryId: number,
  now: number
): DeliveryRequest {
  const { kind, secret } = integration;
  if (kind === 'webhook') {
    const body = JSON.stringify(event);
    return {
      url: integration.url,
      body,
      headers: {
        'user-agent': 'Stageboard-Webhooks/1',
        'x-stageboard-event': event.type,
        'x-stageboard-delivery': String(deliveryId),
        'x-stageboard-event-id': event.id,
        'x-stageboard-signature': webhookSignature(secret, body, Math.floor(now / 1000))
      }
    };
  }
  const message = robotBody(kind, robotText(event, integration.locale));
  const headers = { 'user-agent': 'Stageboard-Robots/1' };
  if (kind === 'dingtalk' && secret) {
    const url = new URL(integration.url);
    const { timestamp, sign } = dingtalkSign(secret, now);
    url.searchParams.set('timestamp', timestamp);
    url.searchParams.set('sign', sign);
    return { url: url.toString(), body: JSON.stringify(message), headers };
  }
  if (kind === 'feishu' && secret) {
    const { timestamp, sign } = feishuSign(secret, Math.floor(now / 1000));
    return { url: integration.url, body: JSON.stringify({ timestamp, sign, ...message }), headers };
  }
  return { url: integration.url, body: JSON.stringify(message), headers };
}

import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  decodeMessage,
  encodeAwareness,
  encodeQueryAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
  ProtocolError,
  type ProtocolErrorReason
} from '#server/protocol';
import { pick, seededRandom } from '../../helpers/random';

function docWithText(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
}

function bytes(...values: number[]): Uint8Array {
  return Uint8Array.from(values);
}

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

function expectProtocolError(input: Uint8Array, reason: ProtocolErrorReason): void {
  let thrown: unknown;
  try {
    decodeMessage(input);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ProtocolError);
  expect((thrown as ProtocolError).reason).toBe(reason);
}

describe('decodeMessage accepts what y-websocket sends', () => {
  it('reads sync step 1 with the sender state vector', () => {
    const doc = docWithText('hello');
    const message = decodeMessage(encodeSyncStep1(doc));
    expect(message.type).toBe('syncStep1');
    if (message.type !== 'syncStep1') return;
    expect(Y.decodeStateVector(message.stateVector).get(doc.clientID)).toBe(5);
  });

  it('reads sync step 2 whose update rebuilds the document', () => {
    const message = decodeMessage(encodeSyncStep2(docWithText('abc')));
    expect(message.type).toBe('syncStep2');
    if (message.type !== 'syncStep2') return;
    const copy = new Y.Doc();
    Y.applyUpdate(copy, message.update);
    expect(copy.getText('t').toString()).toBe('abc');
  });

  it('reads an incremental update', () => {
    const update = Y.encodeStateAsUpdate(docWithText('xyz'));
    const message = decodeMessage(encodeSyncUpdate(update));
    expect(message).toMatchObject({ type: 'syncUpdate', update });
    // The structs come along, so the role check does not decode the update again.
    const decoded = (message as { decoded: ReturnType<typeof Y.decodeUpdate> }).decoded;
    expect(decoded.structs.map((s) => s.id)).toEqual(Y.decodeUpdate(update).structs.map((s) => s.id));
  });

  it('reads an awareness update and a query', () => {
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ user: 'ana' });
    const message = decodeMessage(encodeAwareness(awareness));
    expect(message.type).toBe('awareness');
    awareness.destroy();
    expect(decodeMessage(encodeQueryAwareness())).toEqual({ type: 'queryAwareness' });
  });
});

describe('decodeMessage refuses malformed frames', () => {
  it('refuses an empty frame', () => expectProtocolError(bytes(), 'empty'));
  it('refuses a truncated message-type varint', () => expectProtocolError(bytes(0x80), 'truncated'));
  it('refuses a sync frame without a sync type', () => expectProtocolError(bytes(0), 'truncated'));
  it('refuses a payload shorter than its declared length', () =>
    expectProtocolError(bytes(0, 2, 10, 0, 0), 'truncated'));
  it('refuses an unknown message type', () => expectProtocolError(bytes(7), 'unknown-message-type'));
  it('refuses auth frames, which only the server sends', () =>
    expectProtocolError(bytes(2, 0), 'unknown-message-type'));
  it('refuses an unknown sync type', () => expectProtocolError(bytes(0, 5, 0), 'unknown-sync-type'));
  it('refuses trailing bytes after a query', () => expectProtocolError(bytes(3, 0), 'trailing-bytes'));

  it('refuses trailing bytes after a valid update', () => {
    const valid = encodeSyncUpdate(Y.encodeStateAsUpdate(docWithText('a')));
    expectProtocolError(Uint8Array.from([...valid, 0]), 'trailing-bytes');
  });

  it('refuses a state vector that does not parse', () => {
    expectProtocolError(
      frame(
        (e) => (
          encoding.writeVarUint(e, 0),
          encoding.writeVarUint(e, 0),
          encoding.writeVarUint8Array(e, bytes(3, 1))
        )
      ),
      'invalid-state-vector'
    );
  });

  it('refuses an update cut short inside its payload', () => {
    const update = Y.encodeStateAsUpdate(docWithText('hello world'));
    const cut = update.slice(0, update.length - 4);
    expectProtocolError(encodeSyncUpdate(cut), 'invalid-update');
  });

  it('refuses awareness whose state is not JSON', () => {
    const update = frame((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 42);
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, '{not json');
    });
    expectProtocolError(
      frame((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, update))),
      'invalid-awareness'
    );
  });
});

describe('decodeMessage under fuzzing', () => {
  /** Decoding may succeed or throw ProtocolError; anything else (TypeError, RangeError, hang) fails. */
  function decodeOrProtocolError(input: Uint8Array): 'ok' | 'refused' {
    try {
      decodeMessage(input);
      return 'ok';
    } catch (error) {
      if (error instanceof ProtocolError) return 'refused';
      throw error;
    }
  }

  it('throws nothing but ProtocolError for random bytes', () => {
    const random = seededRandom(20240611);
    let refused = 0;
    for (let i = 0; i < 3000; i++) {
      const input = new Uint8Array(1 + pick(random, 200));
      for (let j = 0; j < input.length; j++) input[j] = pick(random, 256);
      // Bias the first byte toward real message types so the inner decoders get exercised too.
      if (i % 2 === 0) input[0] = [0, 1, 3][pick(random, 3)] ?? 0;
      if (decodeOrProtocolError(input) === 'refused') refused++;
    }
    expect(refused).toBeGreaterThan(2900);
  });

  it('throws nothing but ProtocolError for truncated and bit-flipped valid frames', () => {
    const random = seededRandom(7);
    const doc = docWithText('the quick brown fox');
    doc.getMap('m').set('k', { nested: [1, 2, 'three'] });
    doc.getArray('a').insert(0, [new Uint8Array([1, 2, 3]), 4.5, true]);
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ cursor: { x: 1 } });
    const valid = [
      encodeSyncStep1(doc),
      encodeSyncStep2(doc),
      encodeSyncUpdate(Y.encodeStateAsUpdate(doc)),
      encodeAwareness(awareness)
    ];
    awareness.destroy();
    for (const original of valid) {
      for (let cut = 0; cut < original.length; cut++) decodeOrProtocolError(original.slice(0, cut));
      for (let i = 0; i < 500; i++) {
        const mutated = original.slice();
        const flips = 1 + pick(random, 3);
        for (let f = 0; f < flips; f++) {
          const at = pick(random, mutated.length);
          mutated[at] = (mutated[at] ?? 0) ^ (1 << pick(random, 8));
        }
        decodeOrProtocolError(mutated);
      }
    }
  });
});

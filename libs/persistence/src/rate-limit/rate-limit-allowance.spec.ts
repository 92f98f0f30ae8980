import fc from 'fast-check';
import { RateLimitAllowance, rateLimitCeiling } from './rate-limit-allowance';
import { MemoryRateLimitCounter, RateLimitCounter, RateLimitWindow } from './rate-limit-counter';

const MINUTE = 60_000;
const KEY = 'default:principal:anna';

/** The memory store, recording each addition (one statement on a database) and kept open on close. */
class RecordingStore implements RateLimitCounter {
  readonly added: number[] = [];
  private readonly memory = new MemoryRateLimitCounter();

  async add(key: string, count: number, windowMs: number, now: number): Promise<RateLimitWindow> {
    this.added.push(count);
    return this.memory.add(key, count, windowMs, now);
  }

  /** What the store holds for the key now, without counting. */
  async stored(key: string, now: number): Promise<number> {
    return (await this.memory.add(key, 0, MINUTE, now)).hits;
  }

  async close(): Promise<void> {}
}

async function hits(counter: RateLimitAllowance, n: number, limit: number, now = 0): Promise<number[]> {
  const answers: number[] = [];
  for (let i = 0; i < n; i++) answers.push((await counter.hit(KEY, MINUTE, limit, now)).hits);
  return answers;
}

describe('RateLimitAllowance: local counting far from the limit, the store near it', () => {
  it('limit 100, 4 processes planned: asks the store once, counts 12 locally, sends 13 in one statement', async () => {
    const store = new RecordingStore();
    const counter = new RateLimitAllowance(store, { processes: 4, syncEveryMs: 1000 });
    // First request: the store (1). Allowance ⌊(100 − 1) / 8⌋ = 12 local, the 14th sends 12 + 1.
    expect(await hits(counter, 14, 100)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(store.added).toEqual([1, 13]);
    // Then ⌊(100 − 14) / 8⌋ = 10 local, the 11th sends 11: 25.
    expect((await hits(counter, 11, 100)).at(-1)).toBe(25);
    expect(store.added).toEqual([1, 13, 11]);
    expect(await store.stored(KEY, 0)).toBe(25);
  });

  it('limit 10: once fewer than 2 × 4 are left every request asks the store, and the 11th is refused', async () => {
    const store = new RecordingStore();
    const counter = new RateLimitAllowance(store, { processes: 4, syncEveryMs: 1000 });
    // 1 from the store; ⌊9/8⌋ = 1 local; the third sends 2 (3); ⌊7/8⌋ = 0: one statement each from then on.
    expect(await hits(counter, 11, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(store.added).toEqual([1, 2, 1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('sends the local count with the first request a second after the last answer, or by flushDue', async () => {
    const store = new RecordingStore();
    const counter = new RateLimitAllowance(store, { processes: 4, syncEveryMs: 1000 });
    await counter.hit(KEY, MINUTE, 100, 0);
    await counter.hit(KEY, MINUTE, 100, 500);
    expect(store.added).toEqual([1]);
    expect((await counter.hit(KEY, MINUTE, 100, 1000)).hits).toBe(3);
    expect(store.added).toEqual([1, 2]);
    await counter.hit(KEY, MINUTE, 100, 1100);
    await counter.flushDue(1999);
    expect(store.added).toEqual([1, 2]);
    await counter.flushDue(2000);
    expect(store.added).toEqual([1, 2, 1]);
    expect(await store.stored(KEY, 2000)).toBe(4);
    // Nothing waits: nothing is sent.
    await counter.flushDue(5000);
    expect(store.added).toEqual([1, 2, 1]);
  });

  it('forgets local counts of a window that has ended; the next window starts from the store', async () => {
    const store = new RecordingStore();
    const counter = new RateLimitAllowance(store, { processes: 4, syncEveryMs: 1000 });
    await counter.hit(KEY, MINUTE, 100, 0);
    await counter.hit(KEY, MINUTE, 100, 100);
    await counter.hit(KEY, MINUTE, 100, 200);
    const next = await counter.hit(KEY, MINUTE, 100, MINUTE);
    expect(next).toEqual({ hits: 1, endsAt: 2 * MINUTE });
    expect(store.added).toEqual([1, 1]);
  });

  it('close sends what was counted locally', async () => {
    const store = new RecordingStore();
    const counter = new RateLimitAllowance(store, { processes: 4, syncEveryMs: 1000 });
    await hits(counter, 5, 100);
    expect(await store.stored(KEY, 0)).toBe(1);
    await counter.close(10);
    expect(store.added).toEqual([1, 4]);
    expect(await store.stored(KEY, 10)).toBe(5);
  });

  it('two processes, limit 16, 2 planned: the one that stopped early still lets its 3 through; 19 ≤ 16 + 2 × 4', async () => {
    const store = new RecordingStore();
    const options = { processes: 2, syncEveryMs: 1000 };
    const a = new RateLimitAllowance(store, options);
    const b = new RateLimitAllowance(store, options);
    // A: 1 from the store (allowance ⌊15/4⌋ = 3); B: 2 (allowance ⌊14/4⌋ = 3); B counts 3 locally.
    expect(await hits(a, 1, 16)).toEqual([1]);
    expect(await hits(b, 4, 16)).toEqual([2, 3, 4, 5]);
    // A alone: 3 local, sends 4 (6), ⌊10/4⌋ = 2 local, sends 3 (9), ⌊7/4⌋ = 1, sends 2 (11),
    // ⌊5/4⌋ = 1, sends 2 (13), then one statement each: 14, 15, 16, 17 refused.
    expect(await hits(a, 16, 16)).toEqual([2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
    expect(store.added).toEqual([1, 1, 4, 3, 2, 2, 1, 1, 1, 1, 1]);
    // A let through 15, B 4 (its 3 local ones were never in the shared count when it passed 16).
    expect((await hits(b, 1, 16))[0]).toBe(22);
    expect(15 + 4).toBeLessThanOrEqual(rateLimitCeiling(16, 2, options));
    expect(rateLimitCeiling(16, 2, options)).toBe(24);
  });

  it('the default plans for 4 processes: a limit of 600 lets at most 600 + n × 75 through with n processes', () => {
    expect(rateLimitCeiling(600, 1)).toBe(675);
    expect(rateLimitCeiling(600, 4)).toBe(900);
  });
});

type Step =
  | { kind: 'hit'; process: number }
  | { kind: 'tick'; ms: number }
  | { kind: 'flushDue'; process: number }
  | { kind: 'stop'; process: number };

const PROCESSES = 3;
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 20, arbitrary: fc.nat(PROCESSES - 1).map((process) => ({ kind: 'hit' as const, process })) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 3000 }).map((ms) => ({ kind: 'tick' as const, ms })) },
  { weight: 1, arbitrary: fc.nat(PROCESSES - 1).map((process) => ({ kind: 'flushDue' as const, process })) },
  { weight: 1, arbitrary: fc.nat(PROCESSES - 1).map((process) => ({ kind: 'stop' as const, process })) },
);

/** The store's statement runs and its answer arrives each at a time the scheduler picks. */
function scheduledStore(s: fc.Scheduler, memory: MemoryRateLimitCounter): RateLimitCounter {
  return {
    add: async (key, count, windowMs, now) => {
      await s.schedule(Promise.resolve(), 'statement');
      const answer = await memory.add(key, count, windowMs, now);
      return s.schedule(Promise.resolve(answer), 'answer');
    },
    close: async () => undefined,
  };
}

interface Run {
  /** Requests let through, by the end of the window they were counted in. */
  allowed: Map<number, number>;
  refused: number;
  requests: number;
  memory: MemoryRateLimitCounter;
  now: number;
}

/**
 * Runs the steps on PROCESSES processes over one store, the scheduler interleaving every
 * statement and answer with the steps (a stopped process starts again as a new one).
 */
async function run(s: fc.Scheduler, steps: Step[], limit: number, settleEvery: number[]): Promise<Run> {
  const memory = new MemoryRateLimitCounter();
  const options = { processes: PROCESSES, syncEveryMs: 1000 };
  const fresh = () => new RateLimitAllowance(scheduledStore(s, memory), options);
  const processes = Array.from({ length: PROCESSES }, fresh);
  const result: Run = { allowed: new Map(), refused: 0, requests: 0, memory, now: 0 };
  const running: Promise<unknown>[] = [];
  for (const [i, st] of steps.entries()) {
    if (st.kind === 'tick') result.now += st.ms;
    else if (st.kind === 'hit') {
      result.requests += 1;
      running.push(
        processes[st.process].hit(KEY, MINUTE, limit, result.now).then((w) => {
          if (w.hits > limit) result.refused += 1;
          else result.allowed.set(w.endsAt, (result.allowed.get(w.endsAt) ?? 0) + 1);
        }),
      );
    } else if (st.kind === 'flushDue') running.push(processes[st.process].flushDue(result.now));
    else {
      running.push(processes[st.process].close(result.now));
      processes[st.process] = fresh();
    }
    for (let k = settleEvery[i % settleEvery.length]; k > 0 && s.count() > 0; k--) await s.waitOne();
  }
  await s.waitFor(Promise.all(running));
  return result;
}

/** Checks `check` over 300 runs of up to `maxSteps` steps with a limit from `limits`, any interleaving. */
function anyInterleaving(
  steps: fc.Arbitrary<Step>,
  maxSteps: number,
  limits: (steps: Step[]) => fc.Arbitrary<number>,
  check: (run: Run, steps: Step[], limit: number) => Promise<void> | void,
  stopAllAtEnd = false,
): Promise<void> {
  const stopAll = Array.from({ length: PROCESSES }, (_, process): Step => ({ kind: 'stop', process }));
  const cases = fc
    .array(steps, { maxLength: maxSteps, size: 'max' })
    .chain((st) => fc.tuple(fc.constant(st), limits(st)));
  return fc.assert(
    fc.asyncProperty(
      fc.scheduler(),
      cases,
      fc.array(fc.nat(4), { minLength: 1, maxLength: 8 }),
      async (s, [st, limit], settleEvery) =>
        check(await run(s, stopAllAtEnd ? [...st, ...stopAll] : st, limit, settleEvery), st, limit),
    ),
    { numRuns: 300 },
  );
}

describe('RateLimitAllowance over one store shared by 3 processes, any interleaving', () => {
  it('lets at most limit + n × ⌊limit / 6⌋ requests through in any window, n the processes that ran', () =>
    anyInterleaving(
      step,
      200,
      () => fc.integer({ min: 1, max: 40 }),
      ({ allowed }, steps, limit) => {
        // A stopped process is replaced by a new one: each may have spent an allowance of its own.
        const ran = PROCESSES + steps.filter((st) => st.kind === 'stop').length;
        const ceiling = rateLimitCeiling(limit, ran, { processes: PROCESSES, syncEveryMs: 1000 });
        for (const n of allowed.values()) expect(n).toBeLessThanOrEqual(ceiling);
      },
    ));

  it('refuses nothing while all requests together stay within the limit', () =>
    anyInterleaving(
      step,
      80,
      (steps) => fc.constant(Math.max(1, steps.filter((st) => st.kind === 'hit').length)),
      ({ refused }) => expect(refused).toBe(0),
    ));

  it('within one window, once every process has stopped, the store holds every request exactly once', () =>
    anyInterleaving(
      // At most 100 ticks under 500 ms: under a minute in all.
      step.filter((st) => st.kind !== 'tick' || st.ms < 500),
      100,
      () => fc.integer({ min: 1, max: 60 }),
      async ({ memory, now, requests }) =>
        expect((await memory.add(KEY, 0, MINUTE, now)).hits).toBe(requests),
      true,
    ));
});

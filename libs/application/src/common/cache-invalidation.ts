import { DataSource, EntitySubscriberInterface } from 'typeorm';
import type { AfterQueryEvent } from 'typeorm/subscriber/event/QueryEvent';

/**
 * What the per-data-source caches (ReadCache, ResultCache) share: a generation counter that every
 * invalidation moves on, so a load notes the generation it started in and is stored only if no
 * invalidation came meanwhile (a load racing a write or a revocation never puts the old data back).
 */
export abstract class GenerationalCache {
  private generation = 0;

  /** The generation a load starting now belongs to. */
  protected currentGeneration(): number {
    return this.generation;
  }

  /** True when the cache has not been emptied since `generation`. */
  protected isCurrent(generation: number): boolean {
    return generation === this.generation;
  }

  /** Forgets everything; loads under way are not stored. */
  invalidate(): void {
    this.generation++;
    this.forget();
  }

  /** Drops the entries (and whatever else a load under way could be joined through). */
  protected abstract forget(): void;
}

/** The writes that empty a cache, besides every committed transaction. */
export interface InvalidatingWrites {
  /** Entity inserts, updates and removes of these entity classes (and any write without metadata). */
  entities?: ReadonlySet<unknown>;
  /** Every statement run for which this says true (raw and bulk statements too). */
  statements?: (sql: string) => boolean;
}

/**
 * The data source's subscriber that empties `cache` on the writes named, and after every commit (raw
 * statements in a transaction pass no entity events; a read beside the transaction may have seen its
 * data before the commit). It listens to nothing else: a kind of event not named gets no handler.
 */
export function cacheInvalidator(
  cache: { invalidate(): void },
  writes: InvalidatingWrites,
): EntitySubscriberInterface {
  const subscriber: EntitySubscriberInterface = { afterTransactionCommit: () => cache.invalidate() };
  const { entities, statements } = writes;
  if (entities) {
    const touched = (event: { metadata?: { target: unknown } }) => {
      if (!event.metadata || entities.has(event.metadata.target)) cache.invalidate();
    };
    subscriber.afterInsert = touched;
    subscriber.afterUpdate = touched;
    subscriber.afterRemove = touched;
  }
  if (statements)
    subscriber.afterQuery = (event: AfterQueryEvent) => {
      if (statements(event.query)) cache.invalidate();
    };
  return subscriber;
}

/** `cacheOf(dataSource)`: one cache per data source, made and subscribed to its writes on first use. */
export function cachePerDataSource<C extends { invalidate(): void }>(
  make: () => C,
  writes: InvalidatingWrites,
): (dataSource: DataSource) => C {
  const caches = new WeakMap<DataSource, C>();
  return (dataSource) => {
    let cache = caches.get(dataSource);
    if (!cache) {
      cache = make();
      dataSource.subscribers.push(cacheInvalidator(cache, writes));
      caches.set(dataSource, cache);
    }
    return cache;
  };
}

/** A source of the current time. */
export interface Clock {
  now(): Date;
}

/** A span of time to move a {@link VaultClock} forward by. */
export interface Duration {
  readonly days?: number;
  readonly hours?: number;
  readonly minutes?: number;
  readonly seconds?: number;
  readonly milliseconds?: number;
}

const MS = { days: 86_400_000, hours: 3_600_000, minutes: 60_000, seconds: 1000, milliseconds: 1 } as const;

/** Milliseconds in a {@link Duration}. */
export function durationMs(d: Duration): number {
  let total = 0;
  for (const unit of Object.keys(MS) as (keyof typeof MS)[]) total += (d[unit] ?? 0) * MS[unit];
  return total;
}

/**
 * The vault's clock. It follows its source (the system clock unless another is injected; a fixed
 * `Date` freezes it) shifted by however far tests have advanced it.
 */
export class VaultClock implements Clock {
  private offsetMs = 0;
  /** Epoch milliseconds of the source; the system clock unless a clock or a start date was given. */
  private readonly sourceMs: () => number;

  constructor(source?: Clock | Date) {
    if (source instanceof Date) {
      const start = source.getTime();
      this.sourceMs = () => start;
    } else if (source) {
      this.sourceMs = () => source.now().getTime();
    } else {
      this.sourceMs = Date.now;
    }
  }

  /** The current vault time. */
  now(): Date {
    return new Date(this.sourceMs() + this.offsetMs);
  }

  /** Moves vault time forward. */
  advance(duration: Duration): Date {
    const ms = durationMs(duration);
    if (!(ms >= 0)) throw new RangeError('VaultClock.advance takes a non-negative duration');
    this.offsetMs += ms;
    return this.now();
  }

  /** Moves vault time to `date` (forward only: KMS time never runs backwards). */
  set(date: Date): Date {
    const delta = date.getTime() - this.now().getTime();
    if (delta < 0) throw new RangeError('VaultClock.set cannot move time backwards');
    this.offsetMs += delta;
    return this.now();
  }
}

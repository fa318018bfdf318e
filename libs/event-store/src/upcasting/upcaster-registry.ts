/** Turns the payload of `type` at `fromVersion` into its shape at `fromVersion + 1`. Pure. */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  readonly upcast: (data: unknown) => unknown;
}

export interface UpcastedPayload {
  readonly schemaVersion: number;
  readonly data: unknown;
}

/**
 * Chains upcasters so an event stored at any old version is read in today's shape.
 * Registering two steps for the same (type, version) is a programming error.
 */
export class UpcasterRegistry {
  private readonly steps = new Map<string, Upcaster["upcast"]>();

  constructor(upcasters: Iterable<Upcaster> = []) {
    for (const upcaster of upcasters) this.register(upcaster);
  }

  register(upcaster: Upcaster): this {
    const key = stepKey(upcaster.type, upcaster.fromVersion);
    if (this.steps.has(key)) throw new Error(`Two upcasters for ${upcaster.type} v${upcaster.fromVersion}`);
    this.steps.set(key, upcaster.upcast);
    return this;
  }

  get isEmpty(): boolean {
    return this.steps.size === 0;
  }

  upcast(type: string, schemaVersion: number, data: unknown): UpcastedPayload {
    let version = schemaVersion;
    let payload = data;
    for (let step = this.steps.get(stepKey(type, version)); step; step = this.steps.get(stepKey(type, version))) {
      payload = step(payload);
      version += 1;
    }
    return { schemaVersion: version, data: payload };
  }
}

const stepKey = (type: string, version: number) => `${type}@${version}`;

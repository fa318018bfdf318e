import type { Principal } from "#domain";

export const DEMO_FOCUS_AREA = "alla-barn-och-unga-lyckas";

export type DemoInitiative = "dromfabriken" | "arby" | "utmaningsdriven";

/** Who and what the 2024 history brought into being, for the parts of the demo that follow it. */
export interface DemoCast {
  /** Registers and administers: organisations, people, initiatives. */
  readonly system: Principal;
  /** The Core Team member who chairs the meetings and records for the Core Team. */
  readonly chair: Principal;
  /** The Core Team of 2024: "Deltagare ..." attended on 19 September, "Frånvarande 1" and "2" did not. */
  readonly coreTeam: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly initiatives: Readonly<Record<DemoInitiative, string>>;
  readonly leadIds: Readonly<Record<DemoInitiative, string>>;
  /** The lead of the initiative, acting with a token that names only it. */
  readonly lead: (key: DemoInitiative) => Principal;
}

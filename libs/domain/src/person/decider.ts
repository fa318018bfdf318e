import type { Decider } from "../shared/decider.js";
import type { PersonCommand } from "./commands.js";
import { decidePerson } from "./decide.js";
import type { PersonEvent } from "./events.js";
import { evolvePerson } from "./evolve.js";
import { type PersonState, initialPersonState } from "./state.js";

export const personDecider: Decider<PersonCommand, PersonEvent, PersonState> = {
  initialState: initialPersonState,
  evolve: evolvePerson,
  decide: decidePerson,
};

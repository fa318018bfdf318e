import type { CommandRecording } from "../shared/decider.js";
import type { NamedInitiatives } from "../initiative/named-initiatives.js";
import { type TensionEventOf, tensionEvents as events } from "./events.js";

// HTTP bodies. The tension id is minted by the application (raise) or taken from the path.
export const RaiseTensionInput = events.TensionRaised.schema;
export const ChangeTensionIntensityInput = events.TensionIntensityChanged.schema;
export const EscalateTensionInput = events.TensionEscalated.schema;
export const ResolveTensionInput = events.TensionResolved.schema;
export const DropTensionInput = events.TensionDropped.schema;

export type TensionCommand =
  | CommandRecording<"RaiseTension", TensionEventOf<"TensionRaised">, NamedInitiatives>
  | CommandRecording<"ChangeTensionIntensity", TensionEventOf<"TensionIntensityChanged">>
  | CommandRecording<"EscalateTension", TensionEventOf<"TensionEscalated">>
  | CommandRecording<"ResolveTension", TensionEventOf<"TensionResolved">>
  | CommandRecording<"DropTension", TensionEventOf<"TensionDropped">>;

export type TensionCommandOf<Type extends TensionCommand["type"]> = Extract<TensionCommand, { type: Type }>;

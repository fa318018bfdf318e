import type { CommandRecording } from "../shared/decider.js";
import type { Today } from "../shared/dated-by-today.js";
import type { NamedInitiatives } from "../initiative/named-initiatives.js";
import type { GoverningContextFacts } from "../organisation/facts.js";
import type { TensionEventOf } from "./events.js";

/** Every command on a tension is dated, and takes today to check its date against (tension-dated-in-future). */
export type TensionCommand =
  | CommandRecording<"RaiseTension", TensionEventOf<"TensionRaised">, NamedInitiatives & Today>
  | CommandRecording<"ChangeTensionIntensity", TensionEventOf<"TensionIntensityChanged">, Today>
  | CommandRecording<
      "EscalateTension",
      TensionEventOf<"TensionEscalated">,
      /** Of the organisation whose governing context the escalation names, when it names one. */
      { readonly organisation?: GoverningContextFacts } & Today
    >
  | CommandRecording<"ResolveTension", TensionEventOf<"TensionResolved">, Today>
  | CommandRecording<"DropTension", TensionEventOf<"TensionDropped">, Today>;

export type TensionCommandOf<Type extends TensionCommand["type"]> = Extract<TensionCommand, { type: Type }>;

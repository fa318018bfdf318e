import type { CommandRecording } from "../shared/decider.js";
import type { NamedInitiatives } from "../initiative/named-initiatives.js";
import type { GoverningContextFacts } from "../organisation/facts.js";
import type { TensionEventOf } from "./events.js";

export type TensionCommand =
  | CommandRecording<"RaiseTension", TensionEventOf<"TensionRaised">, NamedInitiatives>
  | CommandRecording<"ChangeTensionIntensity", TensionEventOf<"TensionIntensityChanged">>
  | CommandRecording<
      "EscalateTension",
      TensionEventOf<"TensionEscalated">,
      /** Of the organisation whose governing context the escalation names, when it names one. */
      { readonly organisation?: GoverningContextFacts }
    >
  | CommandRecording<"ResolveTension", TensionEventOf<"TensionResolved">>
  | CommandRecording<"DropTension", TensionEventOf<"TensionDropped">>;

export type TensionCommandOf<Type extends TensionCommand["type"]> = Extract<TensionCommand, { type: Type }>;

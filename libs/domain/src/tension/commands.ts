import type { InitiativeId } from "../shared/schema-primitives.js";
import { type TensionEvent, type TensionEventOf, tensionEvents as events } from "./events.js";

// HTTP bodies. The tension id is minted by the application (raise) or taken from the path.
export const RaiseTensionInput = events.TensionRaised.schema;
export const ChangeTensionIntensityInput = events.TensionIntensityChanged.schema;
export const EscalateTensionInput = events.TensionEscalated.schema;
export const ResolveTensionInput = events.TensionResolved.schema;
export const DropTensionInput = events.TensionDropped.schema;

/** Fact: the named initiatives that have no stream. */
interface InitiativeFacts {
  readonly unregisteredInitiatives: ReadonlyArray<InitiativeId>;
}

type Data<Type extends TensionEvent["type"]> = TensionEventOf<Type>["data"];

export type TensionCommand =
  | { readonly type: "RaiseTension"; readonly data: Data<"TensionRaised"> & InitiativeFacts }
  | { readonly type: "ChangeTensionIntensity"; readonly data: Data<"TensionIntensityChanged"> }
  | { readonly type: "EscalateTension"; readonly data: Data<"TensionEscalated"> }
  | { readonly type: "ResolveTension"; readonly data: Data<"TensionResolved"> }
  | { readonly type: "DropTension"; readonly data: Data<"TensionDropped"> };

export type TensionCommandOf<Type extends TensionCommand["type"]> = Extract<TensionCommand, { type: Type }>;

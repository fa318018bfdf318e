import { TensionId, tensionEvents as events } from "#domain";

// What callers send. The tension id is minted by the pipeline (raise) or names the tension.
const onTension = { tensionId: TensionId };
export const RaiseTensionInput = events.TensionRaised.schema;
export const ChangeTensionIntensityInput = events.TensionIntensityChanged.schema.extend(onTension);
export const EscalateTensionInput = events.TensionEscalated.schema.extend(onTension);
export const ResolveTensionInput = events.TensionResolved.schema.extend(onTension);
export const DropTensionInput = events.TensionDropped.schema.extend(onTension);

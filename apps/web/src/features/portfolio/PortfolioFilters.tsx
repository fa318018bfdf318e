import { Checkbox } from "react-aria-components";
import type { MandateState } from "../../components/initiative-state";
import { useMessages } from "../../i18n/define-messages";
import { messages } from "./messages";
import { type PortfolioView, showView } from "./portfolio-view";

const MANDATE_CHOICES = ["all", "in-force", "expiring", "none"] as const;

/** The filters, each applied at once and kept in the address with the sort order. */
export function PortfolioFilters({ view }: { view: PortfolioView }) {
  const m = useMessages(messages);
  const label: Record<(typeof MANDATE_CHOICES)[number], string> = {
    all: m.mandateAll,
    "in-force": m.mandateInForce,
    expiring: m.mandateExpiringOption,
    none: m.mandateNone,
  };
  return (
    <fieldset className="portfolio-filters">
      <legend>{m.filtersTitle}</legend>
      <Checkbox
        className="checkbox"
        isSelected={view.attentionOnly}
        onChange={(attentionOnly) => showView({ ...view, attentionOnly })}
      >
        {m.attentionOnly}
      </Checkbox>
      <Checkbox className="checkbox" isSelected={view.overdueOnly} onChange={(overdueOnly) => showView({ ...view, overdueOnly })}>
        {m.overdueOnly}
      </Checkbox>
      <div className="select-field">
        <label htmlFor="mandate-filter">{m.mandateFilter}</label>
        <select
          id="mandate-filter"
          value={view.mandate}
          onChange={(event) => showView({ ...view, mandate: event.target.value as MandateState["kind"] | "all" })}
        >
          {MANDATE_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {label[choice]}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}

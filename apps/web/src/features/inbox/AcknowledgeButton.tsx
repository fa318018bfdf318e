import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "react-aria-components";
import { ApiProblem, write } from "../../api/client";
import { useMessages } from "../../i18n/define-messages";
import { useLanguage } from "../../i18n/language";
import { messages } from "./messages";

/**
 * Acknowledges the signal's receipt (dated today), so the initiative sees it was read before
 * it is answered. Once acknowledged the button goes; the confirmation stays where it was.
 */
export function AcknowledgeButton({ signalId, acknowledged }: { signalId: string; acknowledged: boolean }) {
  const { language, t } = useLanguage();
  const m = useMessages(messages);
  const queryClient = useQueryClient();
  const [state, setState] = useState<{ sending: boolean; done: boolean; error?: string }>({ sending: false, done: false });
  const acknowledge = async () => {
    setState({ sending: true, done: false });
    try {
      await write(`/api/v1/signals/${encodeURIComponent(signalId)}/acknowledgement`, {}, language);
      await queryClient.invalidateQueries();
      setState({ sending: false, done: true });
    } catch (error) {
      setState({ sending: false, done: false, error: error instanceof ApiProblem ? error.title : t.loadFailed });
    }
  };
  return (
    <div className="acknowledge">
      {!acknowledged && (
        <Button className="button secondary" onPress={() => void acknowledge()} isDisabled={state.sending}>
          {state.sending ? m.acknowledging : m.acknowledge}
        </Button>
      )}
      <div role="status">{state.done && <p className="success">{m.acknowledged}</p>}</div>
      {state.error && (
        <p role="alert" className="error">
          {m.acknowledgeFailed} {state.error}
        </p>
      )}
    </div>
  );
}

import { ErasePersonInput } from "#application/inputs";
import { useEffect, useRef, useState } from "react";
import { Link } from "react-aria-components";
import type { z } from "zod";
import { write } from "../../api/client";
import type { WriteAnswer } from "../../api/types";
import { QueryState } from "../../components/QueryState";
import { useCommandForm } from "../../forms/use-command-form";
import { useMessages } from "../../i18n/define-messages";
import { useLanguage } from "../../i18n/language";
import { adminPaths } from "./admin-paths";
import { messages } from "./messages";
import { personPath } from "./PeoplePages";
import { useAdminPerson } from "./queries";
import { AdminForm, AdminHeading } from "./shared";
import type { AdminPerson } from "./types";

/** What erasing does and what it leaves (docs/domain.md "Privacy", docs/records-and-retention.md). */
function WhatErasureMeans() {
  const m = useMessages(messages);
  return (
    <>
      <section aria-labelledby="erase-does">
        <h2 id="erase-does">{m.eraseDoes}</h2>
        <ul>
          {m.eraseDoesItems.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="erase-keeps">
        <h2 id="erase-keeps">{m.eraseKeeps}</h2>
        <ul>
          {m.eraseKeepsItems.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </section>
      <p className="admin-warning">{m.eraseCulling}</p>
    </>
  );
}

function EraseForm({ person, onErased }: { person: AdminPerson; onErased: () => void }) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const back = adminPaths.person(person.id);
  const form = useCommandForm<Record<string, string>, z.output<typeof ErasePersonInput>, WriteAnswer>({
    initial: {},
    schema: ErasePersonInput,
    toInput: () => ({ personId: person.id }),
    send: ({ personId }) => write<WriteAnswer>(`${personPath(personId)}/erasure`, {}, language),
    onDone: onErased,
    forbidden: m.notAllowed,
  });
  return (
    <AdminForm
      label={m.eraseTitle}
      notSaved={m.eraseNotDone}
      summary={form.summary}
      onSubmit={(event) => void form.submit(event)}
      sending={form.sending}
      submitLabel={m.eraseConfirm}
      cancelHref={back}
      danger
    />
  );
}

/** The result, said once and focused: the key is gone, the name reads "Raderad person" now. */
function Erased({ id }: { id: string }) {
  const m = useMessages(messages);
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <>
      <p ref={ref} role="status" className="success" tabIndex={-1}>
        {m.erasedResult}
      </p>
      <ul className="admin-actions">
        <li>
          <Link href={adminPaths.person(id)}>{m.backToPerson}</Link>
        </li>
        <li>
          <Link href={adminPaths.people}>{m.backToPeople}</Link>
        </li>
      </ul>
    </>
  );
}

/**
 * /administration/personer/{id}/radera: erasing a person, stated plainly before the one
 * button that does it: what erasure does, what it leaves as public records; then the result.
 */
export function ErasePersonPage({ id }: { id: string }) {
  const m = useMessages(messages);
  const person = useAdminPerson(id);
  const [erased, setErased] = useState(false);
  if (erased) {
    return (
      <>
        <AdminHeading title={m.erasedTitle} back={{ href: adminPaths.people, label: m.backToPeople }} />
        <Erased id={id} />
      </>
    );
  }
  return (
    <>
      <AdminHeading title={m.eraseTitle} back={{ href: adminPaths.person(id), label: m.backToPerson }} />
      <QueryState query={person}>
        {(found) =>
          found.erased ? (
            <p>{m.alreadyErased}</p>
          ) : (
            <>
              <p className="admin-lead">{m.eraseWho(found.name)}</p>
              <WhatErasureMeans />
              <EraseForm person={found} onErased={() => setErased(true)} />
            </>
          )
        }
      </QueryState>
    </>
  );
}

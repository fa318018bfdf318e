import { defineMessages } from "../../i18n/define-messages";

/**
 * The accessibility statement (tillgänglighetsredogörelse) in the order DIGG's model asks for
 * under lag (2018:1937) om tillgänglighet till digital offentlig service. Swedish is the
 * statement; English is its translation.
 */
export const messages = defineMessages(
  {
    accessibilityStatementTitle: "Tillgänglighetsredogörelse",
    intro: (operator: string) =>
      `${operator} står bakom Mandat, tjänsten för mandat, signaler och avstämningar. Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur Mandat uppfyller lagen om tillgänglighet till digital offentlig service, vilka brister vi känner till och hur du kan rapportera problem till oss.`,
    operatorFallback: "Den organisation som driver tjänsten",
    operatorMissingTitle: "Uppgifter som saknas",
    operatorMissing:
      "Organisationens namn och kontaktuppgifter ska fyllas i av den organisation som driver tjänsten. Det har inte gjorts här ännu. Fram till dess kan du vända dig till den som gav dig tillgång till Mandat.",
    howAccessibleTitle: "Hur tillgänglig är tjänsten?",
    howAccessible:
      "Vi vet att delar av tjänsten inte är helt tillgängliga. Läs mer under rubriken Innehåll som inte är tillgängligt.",
    alternativesTitle: "Vad kan du göra om du inte kan använda delar av tjänsten?",
    alternatives:
      "Om du behöver innehåll från Mandat i ett annat format, till exempel ett mandatbrev eller ett protokoll, kan du kontakta oss.",
    contactEmail: "E-post:",
    contactPhone: "Telefon:",
    responseTime: (time: string) => `Vi svarar ${time}.`,
    feedbackTitle: "Rapportera brister i tjänstens tillgänglighet",
    feedback:
      "Vi arbetar hela tiden med att göra tjänsten mer tillgänglig. Om du hittar problem som inte beskrivs på den här sidan, eller om du tycker att vi inte uppfyller lagens krav, berätta det för oss på de kontaktvägar som står ovan, så att vi kan rätta till det.",
    supervisionTitle: "Tillsyn",
    supervision:
      "Myndigheten för digital förvaltning (Digg) har ansvar för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg och påtala det.",
    reportToDigg: "Anmäl brister i digital offentlig service till Digg",
    technicalTitle: "Teknisk information om tjänstens tillgänglighet",
    compliance:
      "Tjänsten är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan. Vi har inte granskat allt som krävs för att kunna säga att den är helt förenlig.",
    shortcomingsTitle: "Innehåll som inte är tillgängligt",
    shortcomings: [
      "Vi har inte testat tjänsten med skärmläsare (till exempel NVDA, JAWS eller VoiceOver), med förstoringsprogram eller tillsammans med användare med funktionsnedsättning. Automatiska test hittar bara en del av alla brister.",
      "Vi har inte granskat alla sidor manuellt mot varje kriterium i WCAG 2.1 nivå AA, till exempel att alla texter och felmeddelanden är lätta att förstå.",
      "Text som användarna själva skriver, till exempel signaler, spänningar, beslut och protokoll, granskar vi inte. Den kan vara svår att läsa eller sakna tydlig struktur.",
      "Dokumentationen av programmeringsgränssnittet (API) på adressen /docs är ett färdigt verktyg för utvecklare. Vi har inte testat det för tillgänglighet, och det finns bara på engelska.",
      "Inloggningen sker hos din organisations inloggningstjänst. Den tjänsten ingår inte i Mandat och vi har inte testat den.",
    ],
    testingTitle: "Hur vi testat tjänsten",
    testingIntro:
      "Vi har själva granskat tjänsten. Varje gång koden ändras körs automatiska test i en webbläsare (Chromium) som kontrollerar att",
    testing: [
      "verktyget axe-core inte hittar några brister mot WCAG 2.1 nivå A och AA på någon sida, på svenska och på engelska",
      "arbetsflödena går att göra med bara tangentbordet",
      "det syns var fokus är, och att en länk för att hoppa till innehållet kommer först",
      "sidorna har landmärken (sidhuvud, meny, huvudinnehåll och sidfot) och att fälten har etiketter",
      "sidorna går att använda utan att rulla i sidled i 320 pixlars bredd och vid 200 procents förstoring",
    ],
    dates: (made: string, reviewed: string) => `Redogörelsen upprättades den ${made}. Den granskades senast den ${reviewed}.`,
  },
  {
    accessibilityStatementTitle: "Accessibility statement",
    intro: (operator: string) =>
      `${operator} is responsible for Mandat, the service for mandates, signals and check-ins. We want as many people as possible to be able to use it. This statement describes how Mandat meets the Swedish act on accessibility to digital public services, which shortcomings we know of, and how you can report problems to us.`,
    operatorFallback: "The organisation that runs the service",
    operatorMissingTitle: "Details still missing",
    operatorMissing:
      "The organisation's name and contact details are to be filled in by the organisation that runs the service. That has not been done here yet. Until it has, contact whoever gave you access to Mandat.",
    howAccessibleTitle: "How accessible is the service?",
    howAccessible:
      "We know that parts of the service are not fully accessible. You can read more under the heading Content that is not accessible.",
    alternativesTitle: "What can you do if you cannot use parts of the service?",
    alternatives:
      "If you need content from Mandat in another format, for example a mandate letter or minutes, you can contact us.",
    contactEmail: "Email:",
    contactPhone: "Telephone:",
    responseTime: (time: string) => `We answer ${time}.`,
    feedbackTitle: "Reporting accessibility problems",
    feedback:
      "We keep working to make the service more accessible. If you find problems that are not described on this page, or think that we do not meet the requirements of the law, tell us through the contact details above, so that we can put it right.",
    supervisionTitle: "Enforcement",
    supervision:
      "The Agency for Digital Government (Digg) is responsible for enforcing the act on accessibility to digital public services. If you are not satisfied with how we handle your feedback, you can contact Digg and tell them.",
    reportToDigg: "Report shortcomings in digital public services to Digg (in Swedish)",
    technicalTitle: "Technical information about the service's accessibility",
    compliance:
      "The service is partially compliant with the act on accessibility to digital public services, because of the shortcomings described below. We have not reviewed everything needed to say that it is fully compliant.",
    shortcomingsTitle: "Content that is not accessible",
    shortcomings: [
      "We have not tested the service with screen readers (for example NVDA, JAWS or VoiceOver), with screen magnifiers, or together with users with disabilities. Automated tests find only some of all problems.",
      "We have not reviewed every page by hand against each criterion of WCAG 2.1 level AA, for example whether all texts and error messages are easy to understand.",
      "We do not review text that users write themselves, such as signals, tensions, decisions and minutes. It may be hard to read or lack a clear structure.",
      "The documentation of the programming interface (API) at the address /docs is a ready-made tool for developers. We have not tested it for accessibility, and it is in English only.",
      "Signing in takes place in your organisation's sign-in service. That service is not part of Mandat and we have not tested it.",
    ],
    testingTitle: "How we tested the service",
    testingIntro:
      "We reviewed the service ourselves. Every time the code changes, automated tests run in a browser (Chromium) that check that",
    testing: [
      "the axe-core tool finds no failure against WCAG 2.1 levels A and AA on any page, in Swedish and in English",
      "the journeys can be done with the keyboard alone",
      "it is visible where the focus is, and a link to skip to the content comes first",
      "the pages have landmarks (header, menu, main content and footer) and the fields have labels",
      "the pages can be used without scrolling sideways at a width of 320 pixels and at 200 percent zoom",
    ],
    dates: (made: string, reviewed: string) => `This statement was prepared on ${made}. It was last reviewed on ${reviewed}.`,
  },
);

import { defineMessages } from "../../i18n/define-messages";

export const messages = defineMessages(
  {
    recordCheckInTitle: "Ny avstämning",
    raiseTensionTitle: "Lyft en spänning",
    setGoalTitle: "Nytt mål",
    recordReadingTitle: "Ny mätning",
  },
  {
    recordCheckInTitle: "New check-in",
    raiseTensionTitle: "Raise a tension",
    setGoalTitle: "New goal",
    recordReadingTitle: "New reading",
  },
);

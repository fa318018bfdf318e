import { Button } from "react-aria-components";
import { useLanguage } from "../i18n/language";

/** The switch names the other language in that language ("In English", "På svenska"), marked up as such. */
export function LanguageSwitch() {
  const { language, t, setLanguage } = useLanguage();
  return (
    <Button className="button secondary" lang={t.switchLanguageLang} onPress={() => setLanguage(language === "sv" ? "en" : "sv")}>
      {t.switchLanguage}
    </Button>
  );
}

// After the time shown changes, focus goes to what says so: the banner (the past), or the
// page's content (back to today). Only the address's query changes, so the layout, which
// moves focus when the page changes, does not; and the form that had focus is drawn anew.

/** The banner should take focus when it is drawn: the page may read its data first. */
let bannerWanted = false;

export function focusAfterTimeChange(toThePast: boolean): void {
  bannerWanted = toThePast;
  // A banner already on the page (the page kept it while reading again) takes it now; back to
  // today, the content takes it once the page has drawn itself.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const banner = document.querySelector<HTMLElement>(".past-banner");
      if (toThePast && banner) takeFocusIfWanted(banner);
      else if (!toThePast) document.getElementById("main")?.focus();
    }),
  );
}

/** The banner's ref: it takes focus when drawn after a change of time, once. */
export function takeFocusIfWanted(banner: HTMLElement | null): void {
  if (!bannerWanted || banner === null) return;
  bannerWanted = false;
  banner.focus();
}

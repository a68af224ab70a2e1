/**
 * NutUI's variables, given to its ConfigProvider at the root of every page (AppPage). Each names one of the app's
 * own variables (index.scss), so NutUI's parts take the same text sizes, tap-target size and colours as ours; the
 * one `elder` class that changes ours (长辈模式) changes theirs with them.
 */
const THEME: Record<string, string> = {
  nutuiFontSizeXs: 'var(--fs-xs)',
  nutuiFontSizeS: 'var(--fs-sm)',
  nutuiFontSizeBase: 'var(--fs-md)',
  nutuiFontSizeL: 'var(--fs-lg)',
  // Tags are 10px by default: too small to read for many residents.
  nutuiTagFontSize: 'var(--fs-sm)',
  nutuiTagHeight: 'auto',
  nutuiTagPadding: 'var(--app-tag-padding)',
  nutuiTagBorderRadius: 'var(--app-tag-radius)',
  // Help text (a text box's count) at 4.5:1, like the app's own secondary text.
  nutuiColorTextHelp: 'var(--app-text-secondary)',
};

/**
 * 长辈模式 also sizes the parts NutUI draws small for its 375 design (buttons, cells, tabs, switches, steps) to the
 * app's tap target and text sizes. Without it they stay as they are today.
 */
const ELDER_THEME: Record<string, string> = {
  ...THEME,
  nutuiFontSizeXxs: 'var(--fs-xs)',
  nutuiFontSizeXl: 'var(--fs-xl)',
  nutuiColorText: 'var(--app-text)',
  nutuiColorTitle: 'var(--app-text)',
  nutuiButtonDefaultHeight: 'var(--app-tap)',
  nutuiButtonDefaultFontSize: 'var(--fs-md)',
  nutuiButtonSmallHeight: 'var(--app-tap)',
  nutuiButtonSmallFontSize: 'var(--fs-md)',
  nutuiButtonLargeHeight: 'var(--app-tap-large)',
  nutuiButtonLargeFontSize: 'var(--fs-lg)',
  nutuiCellTitleFontSize: 'var(--fs-md)',
  nutuiCellDescriptionFontSize: 'var(--fs-sm)',
  nutuiCellDescriptionColor: 'var(--app-text-secondary)',
  nutuiCellExtraFontSize: 'var(--fs-md)',
  nutuiCellExtraColor: 'var(--app-text-secondary)',
  nutuiTabsTitlesFontSize: 'var(--fs-md)',
  nutuiTabsTitlesItemActiveFontSize: 'var(--fs-md)',
  nutuiTabsTitlesHeight: 'var(--app-tap)',
  nutuiSearchbarFontSize: 'var(--fs-md)',
  nutuiSearchbarInputHeight: 'var(--app-tap)',
  nutuiInputFontSize: 'var(--fs-md)',
  nutuiCheckboxLabelFontSize: 'var(--fs-md)',
  nutuiCheckboxIconFontSize: 'var(--fs-lg)',
  nutuiRadioLabelFontSize: 'var(--fs-md)',
  nutuiRadioIconFontSize: 'var(--fs-lg)',
  nutuiStepsBaseTitleFontSize: 'var(--fs-sm)',
  nutuiStepsBaseDescriptionFontSize: 'var(--fs-sm)',
  nutuiStepsBaseHeadTextSize: 'var(--fs-sm)',
  nutuiStepsWaitTitleColor: 'var(--app-text-secondary)',
  nutuiGridItemTextFontSize: 'var(--fs-md)',
  nutuiSwitchWidth: 'var(--app-switch-width)',
  nutuiSwitchHeight: 'var(--app-switch-height)',
  nutuiSwitchLineHeight: 'var(--app-switch-height)',
};

/** The theme of a page in the mode it is in, with the person's text-size setting (1 is standard). */
export function pageTheme(fontScale: number, elder: boolean): Record<string, string> {
  return { ...(elder ? ELDER_THEME : THEME), appFontScale: String(fontScale) };
}

/** Chromium comes from the distribution (apt-get install chromium); Playwright never downloads browsers here. */
export const CHROMIUM_PATH = process.env.YIWANG_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

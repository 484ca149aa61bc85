import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** A font file with Chinese glyphs; `name` picks the face inside a collection (.ttc) by PostScript name. */
export interface CjkFont {
  path: string;
  name?: string;
}

/**
 * Where Chinese fonts live on the machines staff use. TrueType outlines first (WenQuanYi, Windows' YaHei):
 * they embed smallest; Noto CJK's CFF collections work too but make larger files.
 */
const KNOWN_FONTS: readonly Required<CjkFont>[] = [
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', name: 'WenQuanYiZenHei' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', name: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', name: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', name: 'NotoSansCJKsc-Regular' },
  { path: 'C:\\Windows\\Fonts\\msyh.ttc', name: 'MicrosoftYaHei' },
  { path: 'C:\\Windows\\Fonts\\simsun.ttc', name: 'SimSun' },
  { path: '/System/Library/Fonts/STHeiti Light.ttc', name: 'STHeitiSC-Light' },
];

export class CjkFontMissingError extends Error {
  constructor() {
    super(
      'No Chinese font found for PDF files (ledger, reports). Install one (Debian/Ubuntu: apt-get install fonts-wqy-zenhei ' +
        'or fonts-noto-cjk) or name a .ttf/.ttc file in YIWANG_CJK_FONT (path, or path#PostScriptName).',
    );
    this.name = 'CjkFontMissingError';
  }
}

/** YIWANG_CJK_FONT if set, else the first known font present, else what fontconfig offers for Chinese. */
export function findCjkFont(env: NodeJS.ProcessEnv = process.env): CjkFont {
  const configured = env.YIWANG_CJK_FONT?.trim();
  if (configured) {
    const [path = '', name] = configured.split('#');
    if (!existsSync(path)) throw new Error(`YIWANG_CJK_FONT names a file that does not exist: ${path}`);
    return name ? { path, name } : { path };
  }
  const known = KNOWN_FONTS.find((font) => existsSync(font.path));
  if (known) return known;
  const matched = fontconfigChineseFont();
  if (matched) return matched;
  throw new CjkFontMissingError();
}

/** fc-match always answers with some font, so only one that declares zh-cn coverage is taken. */
function fontconfigChineseFont(): CjkFont | null {
  const result = spawnSync('fc-match', ['-f', '%{file}\n%{postscriptname}\n%{lang}', ':lang=zh-cn'], {
    encoding: 'utf8',
  });
  if (result.status !== 0 || !result.stdout) return null;
  const [path = '', name = '', langs = ''] = result.stdout.split('\n');
  if (!langs.split('|').includes('zh-cn') || !/\.(ttf|ttc|otf)$/i.test(path) || !existsSync(path)) return null;
  return name ? { path, name } : { path };
}

import { Fragment, useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/use-t';
import { useKeyScope } from '../keyboard/key-scope';
import { KEY_SCOPES, mayBind, sequenceLabel } from '../keyboard/keymap';
import { useKeymap } from '../store/keymap-store';
import { useUi } from '../store/ui-store';
import { KeyHints, useKeyOf } from './key-hints';
import { useListHighlight } from './use-list-highlight';

/**
 * ,: settings. Language and theme, and every key of every view and dialog: ↑/↓ to an action,
 * Enter then the new key to remap it, Backspace for its default. Kept in this browser profile.
 */
export function SettingsOverlay() {
  const t = useT();
  const close = useUi((s) => s.close);
  const { locale, theme, toggleLocale, toggleTheme } = useUi();
  const { bindings, overrides, remap, reset } = useKeymap();
  const [capturing, setCapturing] = useState(false);
  const [refused, setRefused] = useState(false);
  const panelRef = useRef<HTMLDivElement>(null);
  useEffect(() => panelRef.current?.focus(), []);
  const { index: highlighted, highlight, next, previous } = useListHighlight(bindings.length, panelRef);

  const binding = bindings[highlighted];
  const localeKey = useKeyOf('toggleLocale');
  const themeKey = useKeyOf('toggleTheme');
  useKeyScope('settings', {
    // While waiting for the new key, every key is that key (Esc gives up).
    raw: (chord) => {
      if (!capturing) return false;
      if (chord !== 'Escape' && binding && !mayBind(binding, chord)) {
        setRefused(true);
        return true;
      }
      setCapturing(false);
      if (chord !== 'Escape' && binding) remap(binding.action, [[chord]]);
      return true;
    },
    run: (action) => {
      if (action === 'close') close();
      else if (action === 'next') next();
      else if (action === 'previous') previous();
      else if (action === 'remapKey') {
        setRefused(false);
        setCapturing(true);
      } else if (action === 'resetKey' && binding) reset(binding.action);
      else if (action === 'toggleTheme') toggleTheme();
      else if (action === 'toggleLocale') toggleLocale();
    },
  });

  return (
    <div className="overlay-backdrop" onMouseDown={close}>
      <div
        className="help settings"
        role="dialog"
        aria-modal="true"
        aria-label={t('settings.title')}
        data-testid="settings"
        data-capturing={capturing ? 'true' : undefined}
        tabIndex={-1}
        ref={panelRef}
        onMouseDown={(e) => e.stopPropagation()}
      >
        <div className="picker-title">{t('settings.title')}</div>
        <div className="settings-prefs">
          <span data-testid="settings-locale" data-value={locale}>
            {t('settings.locale')}: {locale === 'zh-CN' ? '中文' : 'English'} <kbd>{localeKey}</kbd>
          </span>
          <span data-testid="settings-theme" data-value={theme}>
            {t('settings.theme')}: {t(`settings.theme.${theme}`)} <kbd>{themeKey}</kbd>
          </span>
        </div>
        <table className="help-table" role="listbox">
          <tbody>
            {bindings.map((b, i) => (
              <Fragment key={b.action}>
                {b.scope !== bindings[i - 1]?.scope && (
                  <tr role="presentation" className="help-scope">
                    <th colSpan={2}>{t(KEY_SCOPES[b.scope].title)}</th>
                  </tr>
                )}
                <tr
                  role="option"
                  aria-selected={i === highlighted}
                  data-action={b.action}
                  data-scope={b.scope}
                  data-testid="settings-key"
                  onMouseEnter={() => highlight(i)}
                >
                  <td>{t(b.description, b.params)}</td>
                  <td className="help-keys">
                    {i === highlighted && capturing ? (
                      <span className="capture">{t(refused ? 'settings.typesInField' : 'settings.pressKey')}</span>
                    ) : (
                      b.keys.map((sequence, j) => <kbd key={j}>{sequenceLabel(sequence)}</kbd>)
                    )}
                    {overrides[b.action] && <span className="muted small"> {t('settings.remapped')}</span>}
                  </td>
                </tr>
              </Fragment>
            ))}
          </tbody>
        </table>
        <div className="picker-hint">
          <KeyHints scope="settings" />
        </div>
      </div>
    </div>
  );
}

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../i18n/use-t';
import type { MessageId } from '../i18n/translate';
import { chordOf, sequenceLabel } from '../keyboard/keymap';
import { useKeymap } from '../store/keymap-store';
import { useUi } from '../store/ui-store';

/**
 * ,: settings. Language and theme, and every key: ↑/↓ to an action, Enter then the new key to
 * remap it, Backspace for its default. Kept in this browser profile.
 */
export function SettingsOverlay() {
  const t = useT();
  const close = useUi((s) => s.close);
  const { locale, theme, toggleLocale, toggleTheme } = useUi();
  const { bindings, overrides, remap, reset } = useKeymap();
  const [highlighted, setHighlighted] = useState(0);
  const [capturing, setCapturing] = useState(false);
  const panelRef = useRef<HTMLDivElement>(null);
  useEffect(() => panelRef.current?.focus(), []);
  useEffect(() => {
    panelRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [highlighted]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const chord = chordOf(event.nativeEvent);
    if (chord === null) return;
    event.preventDefault();
    event.stopPropagation();
    const binding = bindings[highlighted];
    if (capturing) {
      setCapturing(false);
      if (chord !== 'Escape' && binding) remap(binding.action, [[chord]]);
      return;
    }
    if (chord === 'Escape') close();
    else if (chord === 'ArrowDown' || chord === 'j') setHighlighted((h) => Math.min(h + 1, bindings.length - 1));
    else if (chord === 'ArrowUp' || chord === 'k') setHighlighted((h) => Math.max(h - 1, 0));
    else if (chord === 'Enter') setCapturing(true);
    else if (chord === 'Backspace' && binding) reset(binding.action);
    else if (chord === 'T') toggleTheme();
    else if (chord === 'L') toggleLocale();
  };

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
        onKeyDown={onKeyDown}
        onMouseDown={(e) => e.stopPropagation()}
      >
        <div className="picker-title">{t('settings.title')}</div>
        <div className="settings-prefs">
          <span data-testid="settings-locale" data-value={locale}>
            {t('settings.locale')}: {locale === 'zh-CN' ? '中文' : 'English'} <kbd>Shift+L</kbd>
          </span>
          <span data-testid="settings-theme" data-value={theme}>
            {t('settings.theme')}: {t(`settings.theme.${theme}`)} <kbd>Shift+T</kbd>
          </span>
        </div>
        <table className="help-table" role="listbox">
          <tbody>
            {bindings.map((binding, i) => (
              <tr
                key={binding.action}
                role="option"
                aria-selected={i === highlighted}
                data-action={binding.action}
                data-testid="settings-key"
                onMouseEnter={() => setHighlighted(i)}
              >
                <td>{t(binding.description as MessageId, binding.params)}</td>
                <td className="help-keys">
                  {i === highlighted && capturing ? (
                    <span className="capture">{t('settings.pressKey')}</span>
                  ) : (
                    binding.keys.map((sequence, j) => <kbd key={j}>{sequenceLabel(sequence)}</kbd>)
                  )}
                  {overrides[binding.action] && <span className="muted small"> {t('settings.remapped')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="picker-hint muted">{t('settings.hint')}</div>
      </div>
    </div>
  );
}

import { Fragment } from 'react';
import { useT } from '../i18n/use-t';
import type { MessageId } from '../i18n/translate';
import { keyLabel } from '../keyboard/keymap';
import { useKeymap } from '../store/keymap-store';
import { useUi } from '../store/ui-store';

/** ?: every key, straight from the keymap in force (remappings included). */
export function HelpOverlay() {
  const t = useT();
  const close = useUi((s) => s.close);
  const bindings = useKeymap((s) => s.bindings);
  return (
    <div className="overlay-backdrop" onMouseDown={close}>
      <div className="help" role="dialog" aria-modal="true" aria-label={t('help.title')} data-testid="help-overlay">
        <div className="picker-title">{t('help.title')}</div>
        <table className="help-table help-columns">
          <tbody>
            {bindings.map((binding) => (
              <tr key={binding.action} data-action={binding.action} data-testid="help-key">
                <td className="help-keys">
                  {binding.keys.map((sequence, i) => (
                    <Fragment key={i}>
                      {i > 0 && <span className="muted"> {t('key.or')} </span>}
                      {sequence.map((key, j) => (
                        <Fragment key={j}>
                          {j > 0 && <span className="muted"> {t('key.then')} </span>}
                          <kbd>{keyLabel(key)}</kbd>
                        </Fragment>
                      ))}
                    </Fragment>
                  ))}
                </td>
                <td>{t(binding.description as MessageId, binding.params)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <ul className="help-notes muted">
          <li>{t('picker.categoryHint')}</li>
          <li>{t('picker.unitHint')}</li>
          <li>{t('search.hint')}</li>
          <li data-testid="help-conflict-keys">{t('conflicts.keysHint')}</li>
          <li>{t('takeOver.keysHint')}</li>
        </ul>
        <div className="picker-hint muted">{t('help.close')}</div>
      </div>
    </div>
  );
}

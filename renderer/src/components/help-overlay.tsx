import { Fragment } from 'react';
import { useT } from '../i18n/use-t';
import { useKeyScope } from '../keyboard/key-scope';
import { KEY_SCOPES, keyLabel } from '../keyboard/keymap';
import { useKeymap } from '../store/keymap-store';
import { useUi } from '../store/ui-store';

/** ?: every key of every view and dialog, straight from the keymap in force (remappings included). */
export function HelpOverlay() {
  const t = useT();
  const close = useUi((s) => s.close);
  const bindings = useKeymap((s) => s.bindings);
  useKeyScope('help', { run: (action) => void ((action === 'help' || action === 'close') && close()) });
  return (
    <div className="overlay-backdrop" onMouseDown={close}>
      <div className="help" role="dialog" aria-modal="true" aria-label={t('help.title')} data-testid="help-overlay">
        <div className="picker-title">{t('help.title')}</div>
        <table className="help-table help-columns">
          <tbody>
            {bindings.map((binding, b) => (
              <Fragment key={binding.action}>
                {binding.scope !== bindings[b - 1]?.scope && (
                  <tr className="help-scope">
                    <th colSpan={2}>{t(KEY_SCOPES[binding.scope].title)}</th>
                  </tr>
                )}
                <tr data-action={binding.action} data-scope={binding.scope} data-testid="help-key">
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
                  <td>{t(binding.description, binding.params)}</td>
                </tr>
              </Fragment>
            ))}
          </tbody>
        </table>
        <ul className="help-notes muted">
          <li>{t('picker.categoryHint')}</li>
          <li>{t('picker.unitHint')}</li>
          <li>{t('search.hint')}</li>
        </ul>
        <div className="picker-hint muted">{t('help.close')}</div>
      </div>
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import { failureWords } from '../i18n/failure-words';
import { useT } from '../i18n/use-t';
import { useSession } from '../store/session-store';

/** Name and password; Enter in either field submits. */
export function SignInScreen() {
  const t = useT();
  const { signIn, signingIn, signInError, session } = useSession();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '' || password === '' || signingIn) return;
    void signIn(name.trim(), password);
  };

  return (
    <main className="sign-in">
      <form className="sign-in-card" onSubmit={submit}>
        <h1>{t('app.title')}</h1>
        <p className="muted">{t('signIn.subtitle')}</p>
        <label>
          {t('signIn.name')}
          <input
            data-testid="sign-in-name"
            autoFocus
            autoComplete="username"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label>
          {t('signIn.password')}
          <input
            data-testid="sign-in-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {signInError && (
          <div className="sign-in-error" role="alert">
            {t('signIn.failed', {
              message: signInError === 'unauthorized' ? t('signIn.wrongPassword') : failureWords(t, signInError),
            })}
          </div>
        )}
        <button data-testid="sign-in-submit" type="submit" className="primary" disabled={signingIn}>
          {signingIn ? t('signIn.submitting') : t('signIn.submit')}
        </button>
        {session?.serverUrl && <p className="muted small mono">{t('signIn.server', { url: session.serverUrl })}</p>}
      </form>
    </main>
  );
}

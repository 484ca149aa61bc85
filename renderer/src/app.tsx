import { useEffect } from 'react';
import { failureWords } from './i18n/failure-words';
import { hostBridge } from './bridge/host-bridge';
import { onHostEvent } from './host-events';
import { useT } from './i18n/use-t';
import { MessageScreen } from './screens/message-screen';
import { SignInScreen } from './screens/sign-in-screen';
import { WorkstationScreen } from './screens/workstation-screen';
import { useSession } from './store/session-store';
import { useUi } from './store/ui-store';

export function App() {
  const t = useT();
  const session = useSession((s) => s.session);
  const loadError = useSession((s) => s.loadError);
  const theme = useUi((s) => s.theme);
  const locale = useUi((s) => s.locale);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.lang = locale;
    document.title = t('app.title');
  }, [theme, locale, t]);

  useEffect(() => {
    if (!hostBridge) return;
    const unsubscribe = hostBridge.subscribe(onHostEvent);
    void useSession.getState().load();
    return unsubscribe;
  }, []);

  if (!hostBridge) return <MessageScreen text={t('app.noHost')} />;
  if (!session)
    return (
      <MessageScreen
        text={loadError ? t('notice.failed', { message: failureWords(t, loadError) }) : t('app.loading')}
        failure={loadError ?? undefined}
      />
    );
  // Keyed by operator so a new shift starts from a clean workstation.
  return session.operator ? <WorkstationScreen key={session.operator.id} /> : <SignInScreen />;
}

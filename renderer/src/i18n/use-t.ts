import { useMemo } from 'react';
import { useUi } from '../store/ui-store';
import { translator, type Translate } from './translate';

/** The translate function for the operator's chosen locale. */
export function useT(): Translate {
  const locale = useUi((s) => s.locale);
  return useMemo(() => translator(locale), [locale]);
}

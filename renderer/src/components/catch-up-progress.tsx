import { useT } from '../i18n/use-t';

/** While a pull brings many pages (a fresh workstation, a day offline): how many requests have arrived of how many. */
export function CatchUpProgress({ received, total }: { received: number; total: number }) {
  const t = useT();
  const label = total > 0 ? t('sync.catchUp', { received, total }) : t('sync.catchUpUnknown', { received });
  return (
    <span className="catch-up" data-testid="catch-up" data-received={received} data-total={total}>
      <progress max={total > 0 ? total : undefined} value={total > 0 ? received : undefined} aria-label={label} />
      <span>{label}</span>
    </span>
  );
}

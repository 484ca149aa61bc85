import { useEffect } from 'react';
import { useClaims } from '../store/claim-store';
import { useCurrentRequest } from '../store/queue-store';

/** Keeps the claim on whatever request is on screen; leaving the workstation lets it go. */
export function useClaimCurrent(): void {
  const id = useCurrentRequest()?.id ?? null;
  useEffect(() => {
    void useClaims.getState().follow(id);
  }, [id]);
  useEffect(
    () => () => {
      void useClaims.getState().follow(null);
    },
    [],
  );
}

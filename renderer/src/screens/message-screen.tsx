/** A full-window message: loading, or why the workstation cannot start (`failure`: the host's failure code). */
export function MessageScreen({ text, failure }: { text: string; failure?: string }) {
  return (
    <main className="message-screen" data-testid="message-screen" data-failure={failure}>
      <p>{text}</p>
    </main>
  );
}

/** A full-window message: loading, or why the workstation cannot start. */
export function MessageScreen({ text }: { text: string }) {
  return (
    <main className="message-screen">
      <p>{text}</p>
    </main>
  );
}

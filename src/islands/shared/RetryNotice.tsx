// What a page shows when its data did not arrive: what happened and a button to try again.
export function RetryNotice({ text, retryLabel, onRetry }: { text: string; retryLabel: string; onRetry: () => void }) {
  return (
    <div className="notice notice-error">
      <p>{text}</p>
      <button type="button" className="button" onClick={onRetry}>
        {retryLabel}
      </button>
    </div>
  );
}

// The record button and its timer, driven by the room state's "recording" property.

function twoDigits(value) {
  return String(value).padStart(2, '0');
}

export function formatDuration(milliseconds) {
  const total = Math.max(0, Math.floor(milliseconds / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return (hours > 0 ? `${hours}:` : '') + `${twoDigits(minutes)}:${twoDigits(seconds)}`;
}

/**
 * `request(action)` sends { type: "record", action }. The button shows what a click will do;
 * the room state says whether the room is recording (for everyone in it, whoever started it).
 */
export class RecordingControl {
  #button;
  #timer;
  #request;
  #startedAt = null;
  #tick = null;
  #reportedError = null;
  #seenState = false;

  constructor(button, timer, request) {
    this.#button = button;
    this.#timer = timer;
    this.#request = request;
    button.addEventListener('click', () => {
      this.#button.disabled = true;
      this.#request(this.#startedAt === null ? 'start' : 'stop');
    });
  }

  /**
   * Applies the room state's "recording" (null, or the running recording with its "startedAt")
   * and "recordingError" (why the latest recording failed, or null). Returns the failure to show
   * when it is new, else null.
   */
  update(recording, recordingError) {
    this.#button.disabled = false;
    if (!recording) {
      this.#stopTimer();
    } else {
      if (this.#startedAt === null) {
        const started = Date.parse(recording.startedAt ?? '');
        this.#startedAt = Number.isNaN(started) ? Date.now() : started;
        this.#tick = setInterval(() => this.#render(), 1000);
      }
      this.#button.textContent = 'Stop recording';
      this.#button.setAttribute('aria-pressed', 'true');
      this.#timer.hidden = false;
      this.#render();
    }
    // A failure from before this call joined is history, not news.
    const joinedBefore = this.#seenState;
    this.#seenState = true;
    if (!recordingError || recordingError.id === this.#reportedError) return null;
    this.#reportedError = recordingError.id;
    return joinedBefore ? `Recording failed: ${recordingError.message}` : null;
  }

  /** The server refused the last request; returns the text to show. */
  refused(status, message) {
    this.#button.disabled = false;
    return `Recording could not be changed: ${message}`;
  }

  reset() {
    this.#stopTimer();
    this.#reportedError = null;
    this.#seenState = false;
    this.#button.disabled = false;
  }

  #render() {
    this.#timer.textContent = `● REC ${formatDuration(Date.now() - this.#startedAt)}`;
  }

  #stopTimer() {
    clearInterval(this.#tick);
    this.#tick = null;
    this.#startedAt = null;
    this.#button.textContent = 'Start recording';
    this.#button.setAttribute('aria-pressed', 'false');
    this.#timer.hidden = true;
    this.#timer.textContent = '';
  }
}

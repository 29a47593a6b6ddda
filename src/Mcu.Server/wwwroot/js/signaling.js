// The /ws signalling connection: JSON messages in both directions (see the server's README).

/** The server could not be reached (refused, down, or no answer in time). */
export class ServerUnreachableError extends Error {}

/**
 * One WebSocket to /ws. Dispatches "message" (detail: the parsed server message) and "closed"
 * (detail: { code, reason, expected }) events.
 */
export class Signaling extends EventTarget {
  #socket;
  #expectedClose = false;

  constructor(socket) {
    super();
    this.#socket = socket;
    socket.addEventListener('message', event => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return; // the server only sends JSON; anything else is not for us
      }
      this.dispatchEvent(new CustomEvent('message', { detail: message }));
    });
    socket.addEventListener('close', event => {
      this.dispatchEvent(new CustomEvent('closed', {
        detail: { code: event.code, reason: event.reason, expected: this.#expectedClose },
      }));
    });
  }

  /** Opens /ws on this page's server; rejects with ServerUnreachableError when it cannot. */
  static connect(token, timeoutMs = 10000) {
    const url = new URL('/ws', window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    if (token) url.searchParams.set('token', token);
    return new Promise((resolve, reject) => {
      let socket;
      try {
        socket = new WebSocket(url);
      } catch (error) {
        reject(new ServerUnreachableError(error.message));
        return;
      }
      const fail = () => {
        clearTimeout(timer);
        socket.close();
        reject(new ServerUnreachableError(`no WebSocket connection to ${url.host}`));
      };
      const timer = setTimeout(fail, timeoutMs);
      socket.addEventListener('open', () => {
        clearTimeout(timer);
        socket.removeEventListener('error', fail);
        socket.removeEventListener('close', fail);
        resolve(new Signaling(socket));
      }, { once: true });
      socket.addEventListener('error', fail, { once: true });
      socket.addEventListener('close', fail, { once: true });
    });
  }

  get isOpen() {
    return this.#socket.readyState === WebSocket.OPEN;
  }

  send(message) {
    if (this.isOpen) this.#socket.send(JSON.stringify(message));
  }

  /**
   * Resolves with the first message that `accept` returns a truthy value for, or null after
   * `timeoutMs` or when the socket closes first.
   */
  waitFor(accept, timeoutMs) {
    return new Promise(resolve => {
      const done = value => {
        clearTimeout(timer);
        this.removeEventListener('message', onMessage);
        this.removeEventListener('closed', onClosed);
        resolve(value);
      };
      const onMessage = event => { if (accept(event.detail)) done(event.detail); };
      const onClosed = () => done(null);
      const timer = setTimeout(() => done(null), timeoutMs);
      this.addEventListener('message', onMessage);
      this.addEventListener('closed', onClosed);
    });
  }

  close() {
    this.#expectedClose = true;
    this.#socket.close(1000, 'bye');
  }
}

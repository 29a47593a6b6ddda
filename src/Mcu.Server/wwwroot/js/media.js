// The local camera, microphone and screen: capture, switching devices, muting.

/** Why capture failed, in words for the person at the keyboard. */
export function describeMediaError(error) {
  switch (error?.name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'Camera and microphone access was denied. Allow access for this site in your browser ' +
        '(the camera icon in the address bar), then join again, or tick “Watch only”.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera or microphone was found. Connect one and join again, or tick “Watch only”.';
    case 'NotReadableError':
    case 'AbortError':
      return 'The camera or microphone is in use by another application, or the system blocked it.';
    case 'InsecureContextError':
      return error.message;
    default:
      return `The camera and microphone could not be started: ${error?.message ?? error}.`;
  }
}

/** Lists cameras and microphones; labels are empty until the page has been granted access. */
export async function listDevices() {
  if (!navigator.mediaDevices?.enumerateDevices) return { cameras: [], microphones: [] };
  const devices = await navigator.mediaDevices.enumerateDevices();
  const pick = kind => devices.filter(d => d.kind === kind && d.deviceId);
  return { cameras: pick('videoinput'), microphones: pick('audioinput') };
}

function insecureContextError() {
  const error = new Error('Cameras and microphones only work on a secure page: open this site over https:// (or on localhost).');
  error.name = 'InsecureContextError';
  return error;
}

/** The tracks we send: a microphone, a camera, and a screen while one is shared. */
export class LocalMedia {
  #originalSound;
  #muted = false;
  audioTrack = null;
  cameraTrack = null;
  screenTrack = null;
  /** A message worth showing about how capture started (e.g. no camera), or null. */
  notice = null;
  /** Set by the owner: called with (videoTrack) whenever the outgoing video track changes. */
  onVideoChanged = () => {};
  /** Set by the owner: called with (audioTrack) whenever the outgoing audio track changes. */
  onAudioChanged = () => {};

  constructor({ originalSound = false } = {}) {
    this.#originalSound = originalSound;
  }

  /** What goes out as video now: the screen while sharing, else the camera. */
  get videoTrack() {
    return this.screenTrack ?? this.cameraTrack;
  }

  get muted() {
    return this.#muted;
  }

  get sharingScreen() {
    return this.screenTrack !== null;
  }

  /**
   * Starts the microphone and the camera. Without a camera it goes on with the microphone
   * alone (the room shows a name tile); `notice` is then set to say so.
   */
  async start({ cameraId, microphoneId }) {
    if (!navigator.mediaDevices?.getUserMedia) throw insecureContextError();
    const audio = this.#audioConstraints(microphoneId);
    const video = this.#videoConstraints(cameraId);
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio, video });
    } catch (error) {
      if (error.name !== 'NotFoundError' && error.name !== 'NotReadableError') throw error;
      stream = await navigator.mediaDevices.getUserMedia({ audio });
      this.notice = 'No camera could be started: you join with your microphone only.';
    }
    this.audioTrack = stream.getAudioTracks()[0] ?? null;
    this.cameraTrack = stream.getVideoTracks()[0] ?? null;
  }

  setMuted(muted) {
    this.#muted = muted;
    // A disabled track sends silence: nothing leaves the machine, whatever the server does.
    if (this.audioTrack) this.audioTrack.enabled = !muted;
  }

  async switchCamera(deviceId) {
    const stream = await navigator.mediaDevices.getUserMedia({ video: this.#videoConstraints(deviceId, true) });
    const old = this.cameraTrack;
    this.cameraTrack = stream.getVideoTracks()[0];
    if (!this.screenTrack) this.onVideoChanged(this.cameraTrack);
    old?.stop();
  }

  async switchMicrophone(deviceId) {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: this.#audioConstraints(deviceId, true) });
    const old = this.audioTrack;
    this.audioTrack = stream.getAudioTracks()[0];
    this.audioTrack.enabled = !this.#muted;
    this.onAudioChanged(this.audioTrack);
    old?.stop();
  }

  /** Shares a screen or window instead of the camera until stopped here or in the browser's own UI. */
  async startScreenShare() {
    if (!navigator.mediaDevices?.getDisplayMedia) throw new Error('This browser cannot share the screen.');
    const stream = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: 15 } }, audio: false });
    this.screenTrack = stream.getVideoTracks()[0];
    this.screenTrack.addEventListener('ended', () => this.stopScreenShare());
    this.onVideoChanged(this.screenTrack);
  }

  stopScreenShare() {
    if (!this.screenTrack) return;
    const screen = this.screenTrack;
    this.screenTrack = null;
    this.onVideoChanged(this.cameraTrack);
    screen.stop();
  }

  stop() {
    for (const track of [this.audioTrack, this.cameraTrack, this.screenTrack]) track?.stop();
    this.audioTrack = this.cameraTrack = this.screenTrack = null;
  }

  #audioConstraints(deviceId, exact = false) {
    const constraints = {};
    if (deviceId) constraints.deviceId = exact ? { exact: deviceId } : deviceId;
    if (this.#originalSound) {
      Object.assign(constraints, { echoCancellation: false, noiseSuppression: false, autoGainControl: false });
    }
    return Object.keys(constraints).length ? constraints : true;
  }

  #videoConstraints(deviceId, exact = false) {
    // The server scales every picture into its tile; more than 720p only costs uplink.
    const constraints = { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } };
    if (deviceId) constraints.deviceId = exact ? { exact: deviceId } : deviceId;
    return constraints;
  }
}

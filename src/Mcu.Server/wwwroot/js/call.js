// The peer connection to the MCU: our audio and video up, the composite and the mix down.

/**
 * One RTCPeerConnection with exactly one audio and one video transceiver. A participant's are
 * sendrecv (so the offer is sendrecv even before a track exists, e.g. without a camera); a
 * viewer's are recvonly. Tracks are swapped with replaceTrack, which needs no renegotiation.
 */
export class Call {
  #pc;
  #audio;
  #video;
  #remote = new MediaStream();

  constructor({ iceServers, media }) {
    this.#pc = new RTCPeerConnection({ iceServers, bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
    const direction = media ? 'sendrecv' : 'recvonly';
    const streams = media ? [new MediaStream()] : [];
    this.#audio = this.#pc.addTransceiver(media?.audioTrack ?? 'audio', { direction, streams });
    this.#video = this.#pc.addTransceiver(media?.videoTrack ?? 'video', { direction, streams });
    this.#pc.addEventListener('track', event => {
      this.#remote.addTrack(event.track);
    });
  }

  /** The composite and the mix, as one stream for the big video element. */
  get remoteStream() {
    return this.#remote;
  }

  get connectionState() {
    return this.#pc.connectionState;
  }

  /** Called with each local ICE candidate (as JSON), and null when gathering ends. */
  set onCandidate(handler) {
    this.#pc.onicecandidate = event => handler(event.candidate ? event.candidate.toJSON() : null);
  }

  /** Called with the connection state: "connecting", "connected", "disconnected", "failed", ... */
  set onStateChange(handler) {
    this.#pc.onconnectionstatechange = () => handler(this.#pc.connectionState);
  }

  async createOffer() {
    const offer = await this.#pc.createOffer();
    await this.#pc.setLocalDescription(offer);
    return this.#pc.localDescription.sdp;
  }

  async acceptAnswer(sdp) {
    await this.#pc.setRemoteDescription({ type: 'answer', sdp });
  }

  replaceVideo(track) {
    return this.#video.sender.replaceTrack(track);
  }

  replaceAudio(track) {
    return this.#audio.sender.replaceTrack(track);
  }

  close() {
    this.#pc.close();
    for (const track of this.#remote.getTracks()) track.stop();
  }
}

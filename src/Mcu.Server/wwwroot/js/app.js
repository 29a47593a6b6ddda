// The browser app: join a room, send camera and microphone, watch and hear the composite.

import { Call } from './call.js';
import { LayoutPicker } from './layouts.js';
import { LocalMedia, describeMediaError, listDevices } from './media.js';
import { renderParticipants } from './participants.js';
import { RecordingControl } from './recording.js';
import { ServerUnreachableError, Signaling } from './signaling.js';

const ROOM_NAME = /^[A-Za-z0-9._-]{1,64}$/;
const JOIN_TIMEOUT_MS = 20000;
const LEAVE_TIMEOUT_MS = 3000;
const NAME_KEY = 'mcu.displayName';

const $ = id => document.getElementById(id);
const ui = {
  roomTitle: $('room-title'),
  status: $('connection-status'),
  notice: $('notice'),
  noticeText: $('notice-text'),
  noticeClose: $('notice-close'),
  joinView: $('join-view'),
  joinForm: $('join-form'),
  roomInput: $('room-input'),
  nameInput: $('name-input'),
  deviceFields: $('device-fields'),
  cameraSelect: $('camera-select'),
  microphoneSelect: $('microphone-select'),
  originalSound: $('original-sound'),
  viewerCheck: $('viewer-check'),
  joinButton: $('join-button'),
  callView: $('call-view'),
  composite: $('composite'),
  stageStatus: $('stage-status'),
  playButton: $('play-button'),
  selfView: $('self-view'),
  muteButton: $('mute-button'),
  screenButton: $('screen-button'),
  recordButton: $('record-button'),
  recordTimer: $('record-timer'),
  callCameraField: $('call-camera-field'),
  callCameraSelect: $('call-camera-select'),
  callMicrophoneField: $('call-microphone-field'),
  callMicrophoneSelect: $('call-microphone-select'),
  leaveButton: $('leave-button'),
  participants: $('participants'),
  participantCount: $('participant-count'),
  participantsEmpty: $('participants-empty'),
  viewerCount: $('viewer-count'),
  layouts: $('layouts'),
  layoutMessage: $('layout-message'),
};

const token = new URLSearchParams(window.location.search).get('token');

/** A failure whose message is already fit to show. */
class UserFacingError extends Error {}

/** The call in progress: { room, signaling, call, media, selfId, joined, lastState }, or null. */
let session = null;

const layoutPicker = new LayoutPicker(ui.layouts, ui.layoutMessage, name => session?.signaling.send({ type: 'layout', layout: name }));
const recording = new RecordingControl(ui.recordButton, ui.recordTimer, action => session?.signaling.send({ type: 'record', action }));

function unreachableMessage() {
  return `Cannot reach the conference server at ${window.location.host}. Check that it is running and ` +
    'that your network allows the connection, then try again.';
}

function showNotice(text, kind = 'error') {
  ui.noticeText.textContent = text;
  ui.notice.dataset.kind = kind;
  ui.notice.hidden = false;
}

function hideNotice() {
  ui.notice.hidden = true;
  ui.noticeText.textContent = '';
}

function setStatus(text) {
  ui.status.textContent = text;
}

function fillDevices(select, devices, fallback, selectedId) {
  const options = devices.length === 0
    ? [new Option(`Default ${fallback.toLowerCase()}`, '')]
    : devices.map((device, i) => new Option(device.label || `${fallback} ${i + 1}`, device.deviceId));
  select.replaceChildren(...options);
  if (selectedId && devices.some(d => d.deviceId === selectedId)) select.value = selectedId;
}

async function refreshDevices() {
  let devices;
  try {
    devices = await listDevices();
  } catch {
    return; // the pickers keep "Default"
  }
  const { cameras, microphones } = devices;
  const media = session?.media;
  fillDevices(ui.cameraSelect, cameras, 'Camera', ui.cameraSelect.value);
  fillDevices(ui.microphoneSelect, microphones, 'Microphone', ui.microphoneSelect.value);
  fillDevices(ui.callCameraSelect, cameras, 'Camera', media?.cameraTrack?.getSettings().deviceId);
  fillDevices(ui.callMicrophoneSelect, microphones, 'Microphone', media?.audioTrack?.getSettings().deviceId);
}

async function loadIceServers() {
  let response;
  try {
    response = await fetch('/api/config', { cache: 'no-store', headers: { Accept: 'application/json' } });
  } catch {
    throw new ServerUnreachableError('GET /api/config failed');
  }
  if (!response.ok) return []; // no configuration: the server's host candidates are enough on a LAN
  const body = await response.json().catch(() => ({}));
  return Array.isArray(body.iceServers) ? body.iceServers : [];
}

// A refused upgrade (no or a bad join token, too many requests) looks like an unreachable
// server to a WebSocket; a plain request tells the two apart.
async function connectSignaling() {
  try {
    return await Signaling.connect(token);
  } catch (error) {
    if (!(error instanceof ServerUnreachableError)) throw error;
    const alive = await fetch('/healthz', { cache: 'no-store' }).then(r => r.ok, () => false);
    if (!alive) throw error;
    throw new UserFacingError(token
      ? 'The server refused the connection: your invitation link may have expired. Ask for a new one.'
      : 'The server refused the connection. It may need an invitation: open the full link you were given (with its ?token=…).');
  }
}

function validateForm() {
  const room = ui.roomInput.value.trim();
  const name = ui.nameInput.value.trim();
  if (!ROOM_NAME.test(room)) {
    ui.roomInput.focus();
    throw new UserFacingError('Enter a room name of 1 to 64 letters, digits, “-”, “_” or “.”.');
  }
  if (!name) {
    ui.nameInput.focus();
    throw new UserFacingError('Enter your name: the others see it on your tile.');
  }
  return { room, name, viewer: ui.viewerCheck.checked };
}

async function join(event) {
  event.preventDefault();
  if (session) return;
  hideNotice();
  let request;
  try {
    request = validateForm();
  } catch (error) {
    showNotice(error.message);
    return;
  }
  ui.joinButton.disabled = true;
  setStatus('Connecting…');
  let media = null;
  let call = null;
  let signaling = null;
  try {
    const iceServers = await loadIceServers();
    if (!request.viewer) {
      media = new LocalMedia({ originalSound: ui.originalSound.checked });
      try {
        await media.start({ cameraId: ui.cameraSelect.value, microphoneId: ui.microphoneSelect.value });
      } catch (error) {
        throw new UserFacingError(describeMediaError(error));
      }
    }
    call = new Call({ iceServers, media });
    // The server is ICE-lite and learns our address from our checks; candidates are sent
    // anyway, once joined, for servers that use them.
    const candidates = [];
    call.onCandidate = candidate => { if (candidate) candidates.push(candidate); };
    const offer = await call.createOffer();
    signaling = await connectSignaling();
    const current = { room: request.room, signaling, call, media, selfId: null, joined: false, lastState: null };
    session = current;
    signaling.addEventListener('message', e => onServerMessage(current, e.detail));
    signaling.addEventListener('closed', e => onSignalingClosed(current, e.detail));
    call.onStateChange = state => onMediaState(current, state);
    signaling.send({ type: 'join', room: request.room, name: request.name, offer, kind: request.viewer ? 'viewer' : 'participant' });
    const reply = await signaling.waitFor(
      m => m.type === 'joined' || (m.type === 'error' && (m.request === 'join' || m.request == null)), JOIN_TIMEOUT_MS);
    if (!reply) throw new ServerUnreachableError('no answer to the join request');
    if (reply.type === 'error') throw new UserFacingError(`Could not join room “${request.room}”: ${reply.message}`);
    await call.acceptAnswer(reply.answer);
    current.selfId = reply.id;
    current.joined = true;
    const trickle = candidate => signaling.send({ type: 'trickle', candidate });
    candidates.splice(0).forEach(trickle);
    call.onCandidate = candidate => { if (candidate) trickle(candidate); };
    enterCall(current, request.name);
  } catch (error) {
    session = null;
    signaling?.close();
    call?.close();
    media?.stop();
    setStatus('');
    showNotice(error instanceof ServerUnreachableError ? unreachableMessage()
      : error instanceof UserFacingError ? error.message
        : `Joining failed: ${error.message ?? error}`);
  } finally {
    ui.joinButton.disabled = false;
  }
}

function enterCall(current, name) {
  const { media, call } = current;
  window.localStorage.setItem(NAME_KEY, name);
  const url = new URL(window.location.href);
  url.searchParams.set('room', current.room);
  window.history.replaceState(null, '', url);
  document.title = `${current.room} · MCU conference`;
  ui.roomTitle.textContent = `Room ${current.room}`;

  ui.joinView.hidden = true;
  ui.callView.hidden = false;
  ui.leaveButton.disabled = false;
  ui.stageStatus.textContent = 'Waiting for the conference picture…';
  ui.stageStatus.hidden = false;
  ui.composite.srcObject = call.remoteStream;
  play();

  const sending = media !== null;
  for (const control of [ui.muteButton, ui.screenButton, ui.callCameraField, ui.callMicrophoneField, ui.selfView]) {
    control.hidden = !sending;
  }
  if (sending) {
    media.onVideoChanged = track => {
      call.replaceVideo(track);
      showSelf(track);
      updateScreenButton();
    };
    media.onAudioChanged = track => call.replaceAudio(track);
    showSelf(media.videoTrack);
    updateMuteButton();
    updateScreenButton();
    if (media.notice) showNotice(media.notice, 'info');
  }
  refreshDevices();
  layoutPicker.load();
  if (current.lastState) renderState(current, current.lastState);
}

function play() {
  ui.playButton.hidden = true;
  ui.composite.play().catch(() => {
    // Autoplay with sound was refused: one click on the page allows it.
    ui.playButton.hidden = false;
  });
}

function showSelf(track) {
  ui.selfView.srcObject = track ? new MediaStream([track]) : null;
  ui.selfView.classList.toggle('is-screen', session?.media?.sharingScreen ?? false);
}

function endCall(current, message, kind) {
  if (session !== current) return;
  session = null;
  current.signaling.close();
  current.call.close();
  current.media?.stop();
  recording.reset();
  layoutPicker.clear();
  ui.participants.replaceChildren();
  ui.participantsEmpty.hidden = true;
  ui.participantCount.textContent = '';
  ui.viewerCount.textContent = '';
  ui.composite.srcObject = null;
  ui.selfView.srcObject = null;
  ui.callView.hidden = true;
  ui.joinView.hidden = false;
  ui.roomTitle.textContent = '';
  document.title = 'MCU conference';
  setStatus('');
  if (message) showNotice(message, kind);
}

function onServerMessage(current, message) {
  if (session !== current) return;
  switch (message.type) {
    case 'room':
      current.lastState = message.state;
      if (current.joined) renderState(current, message.state);
      break;
    case 'left':
      endCall(current, message.reason === 'left'
        ? 'You left the room.'
        : 'You are no longer in the room: you were removed, or your media connection ended.',
      message.reason === 'left' ? 'info' : 'error');
      break;
    case 'error':
      if (!current.joined) break; // join errors are handled where the join waits
      if (message.request === 'record') showNotice(recording.refused(message.status, message.message));
      else showNotice(message.message);
      break;
    default:
      break;
  }
}

function onSignalingClosed(current, { code, expected }) {
  if (expected) return;
  // 1001 "going away": the server closed us on purpose (RFC 6455 7.4.1).
  endCall(current, code === 1001
    ? 'The server is shutting down or restarting. Join again in a moment.'
    : 'The connection to the server was lost. Join again when it is back.', 'error');
}

function onMediaState(current, state) {
  if (session !== current) return;
  switch (state) {
    case 'connected':
      setStatus('Connected');
      break;
    case 'disconnected':
      setStatus('Reconnecting…');
      break;
    case 'failed':
      endCall(current, 'The media connection to the server failed. A firewall may block it; the server ' +
        'operator can configure a TURN server.', 'error');
      break;
    default:
      setStatus('Connecting…');
      break;
  }
}

function renderState(current, state) {
  renderParticipants(ui.participants, state, current.selfId);
  const count = state.participants.length;
  ui.participantCount.textContent = `(${count})`;
  ui.participantsEmpty.hidden = count > 0;
  ui.viewerCount.textContent = state.viewers > 0 ? `${state.viewers} watching` : '';
  layoutPicker.show(state.layout);
  const failure = recording.update(state.recording, state.recordingError);
  if (failure) showNotice(failure);
  // Muted by someone else (the control API): stop sending too, not only leave the mix.
  const self = state.participants.find(p => p.id === current.selfId);
  if (self?.muted && current.media && !current.media.muted) {
    current.media.setMuted(true);
    updateMuteButton();
  }
}

function updateMuteButton() {
  const muted = session?.media?.muted ?? false;
  ui.muteButton.textContent = muted ? 'Unmute' : 'Mute';
  ui.muteButton.setAttribute('aria-pressed', String(muted));
}

function updateScreenButton() {
  const sharing = session?.media?.sharingScreen ?? false;
  ui.screenButton.textContent = sharing ? 'Stop sharing' : 'Share screen';
  ui.screenButton.setAttribute('aria-pressed', String(sharing));
}

function toggleMute() {
  const current = session;
  if (!current?.media) return;
  const muted = !current.media.muted;
  current.media.setMuted(muted);
  current.signaling.send({ type: 'mute', muted });
  updateMuteButton();
}

async function toggleScreen() {
  const media = session?.media;
  if (!media) return;
  if (media.sharingScreen) {
    media.stopScreenShare();
    return;
  }
  try {
    await media.startScreenShare();
  } catch (error) {
    showNotice(error.name === 'NotAllowedError'
      ? 'Screen sharing was cancelled or not allowed.'
      : `The screen could not be shared: ${error.message}`);
  }
}

async function switchDevice(kind, deviceId) {
  const media = session?.media;
  if (!media || !deviceId) return;
  try {
    await (kind === 'camera' ? media.switchCamera(deviceId) : media.switchMicrophone(deviceId));
  } catch (error) {
    showNotice(describeMediaError(error));
  }
}

async function leave() {
  const current = session;
  if (!current) return;
  ui.leaveButton.disabled = true;
  current.signaling.send({ type: 'leave' });
  // The "left" reply ends the call; closing the socket would leave the room too.
  await current.signaling.waitFor(m => m.type === 'left', LEAVE_TIMEOUT_MS);
  endCall(current, 'You left the room.', 'info');
}

function init() {
  const params = new URLSearchParams(window.location.search);
  ui.roomInput.value = params.get('room') ?? '';
  ui.nameInput.value = window.localStorage.getItem(NAME_KEY) ?? '';
  (ui.roomInput.value ? ui.nameInput : ui.roomInput).focus();

  ui.joinForm.addEventListener('submit', join);
  ui.viewerCheck.addEventListener('change', () => { ui.deviceFields.disabled = ui.viewerCheck.checked; });
  ui.noticeClose.addEventListener('click', hideNotice);
  ui.muteButton.addEventListener('click', toggleMute);
  ui.screenButton.addEventListener('click', toggleScreen);
  ui.leaveButton.addEventListener('click', leave);
  ui.playButton.addEventListener('click', play);
  ui.callCameraSelect.addEventListener('change', () => switchDevice('camera', ui.callCameraSelect.value));
  ui.callMicrophoneSelect.addEventListener('change', () => switchDevice('microphone', ui.callMicrophoneSelect.value));
  ui.composite.addEventListener('playing', () => { ui.stageStatus.hidden = true; });
  navigator.mediaDevices?.addEventListener?.('devicechange', refreshDevices);
  window.addEventListener('pagehide', () => session?.signaling.close());
  refreshDevices();
}

init();

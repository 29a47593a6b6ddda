// The participant list: who is in the room, who is muted, who is speaking.

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function describe(participant, isSelf) {
  const parts = [participant.name + (isSelf ? ' (you)' : '')];
  if (participant.kind === 'publisher') parts.push('publishing only');
  if (participant.speaking) parts.push('speaking');
  if (participant.muted) parts.push('muted');
  if (!participant.audio && !participant.video) parts.push('no audio or video');
  if (!participant.connected) parts.push('connecting');
  return parts.join(', ');
}

/** Renders the room state's participants into `list`; names are text, never markup. */
export function renderParticipants(list, state, selfId) {
  const items = state.participants.map(participant => {
    const isSelf = participant.id === selfId;
    const item = element('li', 'participant');
    item.dataset.id = String(participant.id);
    item.dataset.muted = String(participant.muted);
    item.dataset.speaking = String(participant.speaking);
    item.classList.toggle('is-speaking', participant.speaking);
    item.classList.toggle('is-muted', participant.muted);
    item.classList.toggle('is-connecting', !participant.connected);
    item.setAttribute('aria-label', describe(participant, isSelf));

    const indicator = element('span', 'speaking-indicator');
    indicator.setAttribute('aria-hidden', 'true');
    const name = element('span', 'participant-name', participant.name);
    item.append(indicator, name);
    if (isSelf) item.append(element('span', 'badge', 'you'));
    if (participant.kind === 'publisher') item.append(element('span', 'badge', 'publisher'));
    if (!participant.connected) item.append(element('span', 'badge', 'connecting…'));
    const mute = element('span', 'mute-indicator', participant.muted ? 'muted' : '');
    mute.setAttribute('aria-hidden', 'true');
    item.append(mute);
    return item;
  });
  list.replaceChildren(...items);
}
